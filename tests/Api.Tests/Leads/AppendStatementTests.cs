using Investment.Api.Certificates;
using Investment.Api.EventStore;
using Investment.Domain.Certificates;
using Investment.Api.Leads;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Investors;
using Investment.Domain.Leads;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Leads;

/// <summary>
/// A contact is appended by the API's own statement (<see cref="AppendStatement"/>), other lead writes by Marten's
/// function: the rows must be the same to Marten (read back, folded, numbered), the version check atomic, and a refused
/// append must take no global sequence number (a gap the async daemon would wait out).
/// </summary>
public sealed class AppendStatementTests(ApiFixture fixture) : ApiTest(fixture)
{
    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    private static string Contacts(Lead lead) => $"/api/v1/leads/{lead.Id}/contacts";

    [Fact]
    public async Task contacts_and_marten_appends_interleave_on_one_stream_and_read_back_as_marten_writes_them()
    {
        var lead = await Host.ALead(Officer);
        Assert.Equal(201, (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("First."))).Context.Response.StatusCode);
        Assert.Equal(200, (await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/stage", new { stage = "engaged" })).Context.Response.StatusCode);
        var last = await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Second."));
        Assert.Equal(201, last.Context.Response.StatusCode);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(lead.Id);
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Version));
        Assert.Equal([typeof(LeadOpened), typeof(ContactLogged), typeof(LeadStageChanged), typeof(ContactLogged)], events.Select(e => e.Data.GetType()));
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence)); // the log's order is the stream's
        Assert.Equal("Second.", ((ContactLogged)events[3].Data).Contact.Summary);
        Assert.Equal(4, (await session.Events.FetchStreamStateAsync(lead.Id))!.Version);
        Assert.Equal("\"4\"", last.Header("ETag"));
        Assert.Equal(events[3].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), last.Header("Event-Position"));

        // Column for column what Marten's function writes to an existing stream (the stage change is its; the contacts ours).
        // The first event is left out: Marten writes a new stream's by another statement. No headers is SQL NULL in ours, JSON
        // null in Marten's appends, SQL NULL in its new streams: the same to Marten.
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            select count(distinct (tenant_id, is_archived, coalesce(headers, 'null'::jsonb), mt_dotnet_type is null, bdata is null, data ? 'leadId')),
                   max(mt_dotnet_type) filter (where version = 2) = max(mt_dotnet_type) filter (where version = 4),
                   (select mt_version from investment.mt_doc_leaddetails where id = @id)
            from investment.mt_events where stream_id = @id and version > 1
            """;
        command.Parameters.Add(new Npgsql.NpgsqlParameter("id", lead.Id));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.True(reader.GetBoolean(1));
        Assert.Equal(4L, reader.GetInt64(2)); // the document's revision is the stream's version, as the inline projection stores it

        // The folded document the write stored is the one a rebuild of the stream gives.
        var stored = await session.LoadAsync<LeadDetails>(lead.Id);
        var folded = await session.Events.AggregateStreamAsync<LeadDetails>(lead.Id);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(folded), System.Text.Json.JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task an_append_at_a_stale_version_writes_nothing_and_takes_no_sequence_number()
    {
        var lead = await Host.ALead(Officer);
        Assert.Equal(201, (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Stands."))).Context.Response.StatusCode);
        var before = await SequenceValue();

        await using (var session = Store.LightweightSession())
        {
            var append = AppendStatement.For(session, lead.Id, expectedVersion: 1, [Contact(lead)]); // the stream is at 2
            await Assert.ThrowsAnyAsync<ConcurrencyException>(() => append.ExecuteAsync(session, default));
        }

        Assert.Equal(before, await SequenceValue());
        await using var query = Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamStateAsync(lead.Id))!.Version);
        Assert.Equal(2, (await query.Events.FetchStreamAsync(lead.Id)).Count);
    }

    [Fact]
    public async Task an_append_waiting_on_a_concurrent_writer_of_its_stream_writes_nothing_once_that_one_commits()
    {
        var lead = await Host.ALead(Officer);

        // Another writer holds the stream row, its transaction open, and has moved the version (as an append does).
        await using var other = Store.Storage.Database.CreateConnection();
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var move = other.CreateCommand())
        {
            move.CommandText = "update investment.mt_streams set version = 2 where id = @id";
            move.Parameters.Add(new Npgsql.NpgsqlParameter("id", lead.Id));
            await move.ExecuteNonQueryAsync();
        }
        var before = await SequenceValue();

        // Ours read version 1: it waits for the row, then finds the version moved and writes nothing.
        await using var session = Store.LightweightSession();
        var saving = AppendStatement.For(session, lead.Id, 1, [Contact(lead)]).ExecuteAsync(session, default);
        await Task.Delay(300); // time to reach the row lock; the assertions hold whichever comes first
        await transaction.CommitAsync();
        await Assert.ThrowsAnyAsync<ConcurrencyException>(() => saving);

        Assert.Equal(before, await SequenceValue());
        await using var query = Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync(lead.Id));
    }

    [Fact]
    public async Task a_certificate_started_by_the_statement_is_stored_as_martens_own_upsert_stores_it()
    {
        var issued = await Host.Post(Officer, "/api/v1/certificates", 
            CertificateRequests.Certificate((await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"Statement holder {Guid.NewGuid():N}"))).Id.ToString()));
        Assert.Equal(201, issued.Context.Response.StatusCode);
        var certificate = await issued.Read<Certificate>();

        await using var session = Store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(certificate.Id);
        Assert.IsType<CertificateIssued>(Assert.Single(events).Data);
        Assert.Equal(1, events[0].Version);
        Assert.Equal(events[0].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), issued.Header("Event-Position"));
        Assert.Equal(1, (await session.Events.FetchStreamStateAsync(certificate.Id))!.Version);
        var stored = await session.LoadAsync<CertificateDetails>(certificate.Id);
        var folded = await session.Events.AggregateStreamAsync<CertificateDetails>(certificate.Id);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(folded), System.Text.Json.JsonSerializer.Serialize(stored));
        Assert.Equal(1, stored!.Version);

        // The row, every column but the time of the write and the revision, is the one Marten's own upsert of the same
        // document writes: the register's and the watchlist's columns included.
        var ours = await Row(certificate.Id);
        session.Store(folded!);
        await session.SaveChangesAsync();
        Assert.Equal(await Row(certificate.Id), ours);
        Assert.Contains(certificate.Number, ours);
    }

    /// <summary>A certificate's row as text, without its write time and revision.</summary>
    private async Task<string> Row(Guid id)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select to_jsonb(d) - 'mt_last_modified' - 'mt_version' from investment.mt_doc_certificatedetails d where id = @id";
        command.Parameters.Add(new Npgsql.NpgsqlParameter("id", id));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static ContactLogged Contact(Lead lead) => new(lead.Id, Guid.NewGuid(),
        new ContactDetails(NodaTime.Instant.FromUtc(2014, 7, 1, 3, 0), ContactChannel.Meeting, ["officer.nguyen"], [], "Raced.", null, null),
        "officer.nguyen", NodaTime.Instant.FromUtc(2014, 7, 1, 4, 0));

    private async Task<long> SequenceValue()
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select last_value from investment.mt_events_sequence";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
