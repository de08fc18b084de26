using Alba;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Api.Tests.Leads;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Conventions;

/// <summary>
/// Every write answers the global sequence of the last event it recorded (Event-Position), which a read of an asynchronous
/// projection can wait for. Quick appends (issue 18) learn it from the save itself, after the read models were written:
/// these check it is the stored event's, on each path a write takes (a new stream, an existing one, with and without an
/// Idempotency-Key); and that a keyed write keeps its answer in the transaction of its events.
/// </summary>
public sealed class WritePositionTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_logged_contact_answers_the_position_of_its_event(bool keyed)
    {
        var lead = await Host.ALead(Officer);

        var logged = await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(), key: keyed ? Guid.NewGuid().ToString() : null);

        Assert.Equal(201, logged.Context.Response.StatusCode);
        Assert.Equal(await LastSequenceOf(lead.Id), Position(logged));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task an_issued_certificate_answers_the_position_of_its_event(bool keyed)
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Position holder")));

        var issued = await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString()),
            key: keyed ? Guid.NewGuid().ToString() : null);

        Assert.Equal(201, issued.Context.Response.StatusCode);
        Assert.Equal(await LastSequenceOf(IdOf(issued)), Position(issued));
        Assert.Equal("\"1\"", issued.Header("ETag"));
    }

    [Fact]
    public async Task an_opened_lead_and_a_change_of_its_stage_answer_the_positions_of_their_events()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Position investor")));
        var opened = await Host.Post(Officer, "/api/v1/leads", LeadRequests.Lead(investor.Id.ToString()));
        var id = IdOf(opened);
        var openedAt = await LastSequenceOf(id);

        var moved = await Host.Post(Officer, $"/api/v1/leads/{id}/stage", new { stage = "engaged" });

        Assert.Equal(openedAt, Position(opened));
        Assert.Equal(await LastSequenceOf(id), Position(moved));
        Assert.True(Position(moved) > openedAt);
    }

    [Theory]
    [InlineData("certificate")]
    [InlineData("contact")]
    public async Task a_keyed_write_keeps_its_answer_in_the_transaction_of_its_events(string write)
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("One commit holder")));
        var lead = write == "contact" ? await Host.ALead(Officer) : null;
        var answered = lead is null
            ? await Host.Post(Officer, "/api/v1/certificates", CertificateRequests.Certificate(investor.Id.ToString()), key: Guid.NewGuid().ToString())
            : await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(), key: Guid.NewGuid().ToString());
        Assert.Equal(201, answered.Context.Response.StatusCode);

        // PostgreSQL's xmin is the transaction that wrote a row: the key's record and the write's last event share it.
        await using var connection = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            select (select xmin::text from investment.mt_doc_idempotencyrecord where data ->> 'location' = @location),
                   (select xmin::text from investment.mt_events where seq_id = @position)
            """;
        command.Parameters.Add(new Npgsql.NpgsqlParameter("location", answered.Header("Location")));
        command.Parameters.Add(new Npgsql.NpgsqlParameter("position", Position(answered)));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.IsDBNull(0)); // the answer was kept
        Assert.Equal(reader.GetString(1), reader.GetString(0));
    }

    private static long Position(IScenarioResult result) =>
        long.Parse(result.Header("Event-Position") ?? throw new Xunit.Sdk.XunitException("no Event-Position"), System.Globalization.CultureInfo.InvariantCulture);

    private static Guid IdOf(IScenarioResult created) => Guid.Parse(created.Header("Location")!.Split('/')[^1]);

    private async Task<long> LastSequenceOf(Guid stream)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Max(e => e.Sequence);
    }
}
