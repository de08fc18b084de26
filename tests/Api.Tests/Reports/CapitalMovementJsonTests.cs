using System.Text.Json;
using Investment.Api.Http;
using Investment.Api.Reports;
using Investment.Domain.Certificates;
using Investment.Domain.Investors;
using Investment.Domain.Reports;
using NodaTime;

namespace Investment.Api.Tests.Reports;

public sealed class CapitalMovementJsonTests
{
    [Fact]
    public void an_answer_writes_a_kept_movement_as_the_serializer_writes_it()
    {
        var kept = new JsonSerializerOptions(Json.Options);
        kept.Converters.Add(new CapitalMovementJson());
        var movement = new CapitalMovement(Guid.NewGuid(), "4321 012 345", "Nhà máy thép Quảng Ngãi", "dung-quat", Sector.HeavyIndustry, "JP",
            MovementKind.CapitalReduction, 3, new LocalDate(2014, 6, 30), -1_250_000.05m, Instant.FromUtc(2014, 7, 1, 2, 3, 4).PlusNanoseconds(500),
            [new CertificateInvestor(Guid.NewGuid(), "JFE Steel", "JP", 60m), new CertificateInvestor(Guid.NewGuid(), "Guang Lian", "TW")]);
        var answer = new { lines = new[] { movement, movement with { Investors = null } }, figure = movement };

        var plain = JsonSerializer.Serialize(answer, Json.Options);
        Assert.Equal(plain, JsonSerializer.Serialize(answer, kept));
        Assert.Equal(plain, JsonSerializer.Serialize(answer, kept)); // the second time from the kept bytes
    }
}
