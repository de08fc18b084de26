using Investment.Api.Tests.Infrastructure;

namespace Investment.Api.Tests.Contract;

/// <summary>
/// A partner's C# program: the client NSwag generates from the committed document with its default settings (it
/// sends instants as DateTimeOffset, +00:00 or +07:00, and reads the answers into its own types) logs a contact
/// against the API with no hand edits. The client is generated at build time (Api.Tests.csproj).
/// </summary>
public sealed class GeneratedClientTests(ApiFixture fixture) : ApiTest(fixture)
{
#if NSWAG_CLIENT
    [Fact]
    public async Task a_client_generated_with_nswag_defaults_logs_a_contact()
    {
        using var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Officer);
        var client = new Generated.InvestmentApiClient(http);

        var investor = await client.RegisterInvestorAsync(Guid.NewGuid().ToString(), new Generated.InvestorProfileRequest
        {
            LegalName = Unique("Doosan Heavy Industries Vietnam"),
            Country = "KR",
            Sectors = [Generated.Sector.HeavyIndustry],
        });
        var lead = await client.OpenLeadAsync(Guid.NewGuid().ToString(), new Generated.OpenLeadRequest
        {
            InvestorId = investor.Id,
            Zone = "dung-quat",
            ProjectName = "Doosan heavy industries plant, phase 2",
            Sector = Generated.Sector.HeavyIndustry,
            EstimatedCapital = new Generated.Money { Amount = "150000000.00", Currency = Generated.Currency.USD },
            Source = Generated.LeadSource.TradeMission,
        });

        // 09:30 in Vietnam, as a phone there holds it.
        var contact = await client.LogContactAsync(lead.Id, null, Guid.NewGuid().ToString(), new Generated.ContactRequest
        {
            Channel = Generated.ContactChannel.SiteVisit,
            Summary = "Toured the deep-water port and the 28 ha plot.",
            OccurredAt = new DateTimeOffset(2014, 7, 1, 9, 30, 0, TimeSpan.FromHours(7)),
            Officers = ["officer.nguyen"],
        });

        Assert.Equal(new DateTimeOffset(2014, 7, 1, 2, 30, 0, TimeSpan.Zero), contact.OccurredAt);
        var read = await client.GetContactAsync(lead.Id, contact.Id, null);
        Assert.Equal("Toured the deep-water port and the 28 ha plot.", read.Summary);
        Assert.Equal(contact.OccurredAt, (await client.GetLeadAsync(lead.Id, null)).LastContactAt);
    }
#else
    [Fact(Skip = "NSwag (the dotnet tool in .config/dotnet-tools.json) could not generate the C# client at build time: see the build output.")]
    public void a_client_generated_with_nswag_defaults_logs_a_contact()
    {
    }
#endif
}
