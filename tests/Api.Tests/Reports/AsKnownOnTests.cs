using Alba;
using Investment.Api.EventStore;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Common;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Investment.Api.Tests.Reports;

/// <summary>
/// Answers as known on a date come from a copy of the zone's documents kept by the process (issue 18): a write recorded
/// after the copy was read, whatever its business date, must reach them, and so must the store's own changes.
/// </summary>
public sealed class AsKnownOnTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Zone = "quang-phu";

    [Fact]
    public async Task an_answer_as_known_on_a_date_counts_a_back_dated_write_recorded_after_it_was_first_read()
    {
        var today = VietnamCalendar.Today(Clock.GetCurrentInstant());
        var (tomorrow, yesterday) = ($"{today.PlusDays(1):yyyy-MM-dd}", $"{today.PlusDays(-1):yyyy-MM-dd}");
        var before = await Figures(Host, Officer, 2011, tomorrow);
        var known = await Figures(Host, Officer, 2011, yesterday);

        // Recorded now, dated three years back: a certificate, an amendment of it, a lead with a contact.
        var certificate = await Host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(1_234.56m), issuedOn: "2011-03-10", zone: Zone);
        var amended = await Host.Post(Officer, $"/api/v1/certificates/{certificate.Id}/amendments",
            new { on = "2011-09-01", capitalChange = LeadRequests.Usd(100.05m), reason = "back-dated" });
        Assert.Equal(200, amended.Context.Response.StatusCode);
        var lead = await Host.ALead(Officer, zone: Zone, openedOn: "2011-02-01");
        var contact = await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/contacts", LeadRequests.Contact(occurredAtLocal: "2011-02-03T09:00:00"));
        Assert.Equal(201, contact.Context.Response.StatusCode);
        await Host.Settled();

        var after = await Figures(Host, Officer, 2011, tomorrow);
        Assert.Equal(before.Progress + 1_334.61m, after.Progress);
        Assert.Equal(before.FirstHalf + 1_234.56m, after.FirstHalf);
        Assert.Equal(before.Year + 1_334.61m, after.Year);
        Assert.Equal((before.Opened + 1, before.Contacts + 1), (after.Opened, after.Contacts));
        Assert.Equal(known, await Figures(Host, Officer, 2011, yesterday)); // recorded after that day: not known on it
    }

    /// <summary>The figures the copy feeds: progress, the first-half and yearly reports (capital and leads), as known on a day.</summary>
    public sealed record Known(decimal Progress, decimal FirstHalf, decimal Year, int Opened, int Contacts);

    public static async Task<Known> Figures(IAlbaHost host, string token, int year, string asOf, string zone = Zone)
    {
        var progress = await host.Get<ZoneProgress>(token, $"/api/v1/zones/{zone}/progress/{year}?asOf={asOf}");
        var firstHalf = await host.Get<ZoneReport>(token, $"/api/v1/zones/{zone}/reports/{year}/first-half?asOf={asOf}");
        var whole = await host.Get<ZoneReport>(token, $"/api/v1/zones/{zone}/reports/{year}/year?asOf={asOf}");
        return new Known(progress.AttractedUsd, firstHalf.AttractedUsd, whole.AttractedUsd, whole.Leads.Opened, whole.Leads.ContactsLogged);
    }
}

/// <summary>The store changing under a running host: a reset. In a database of its own.</summary>
public sealed class AsKnownOnStoreTests : IAsyncLifetime
{
    private static readonly string Officer = TestTokens.For(Investment.Api.Http.Roles.Officer, "officer.store");
    private readonly FakeClock clock = new(ApiFixture.Start);
    private readonly string database = TestDatabase.Create("asof");
    private IAlbaHost host = null!;

    // No daemon of its own: the test runs one until it has caught up, so that the high-water mark the answers are folded
    // to moves only when it says.
    public async Task InitializeAsync() => host = await ApiFixture.StartHost(database, clock, asyncDaemon: false);

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task the_answers_count_the_events_up_to_the_high_water_mark_and_those_after_it_once_it_moves()
    {
        await host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(500.00m), issuedOn: "2012-04-01", zone: "pho-phong");
        await CatchUp();
        Assert.Equal(500.00m, await Attracted());

        // Recorded, but not yet behind the high-water mark: the copy folds no event it might later find a gap before.
        await host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(25.25m), issuedOn: "2012-05-01", zone: "pho-phong");
        Assert.Equal(500.00m, await Attracted());
        await CatchUp();
        Assert.Equal(525.25m, await Attracted());
    }

    [Fact]
    public async Task after_the_store_is_reset_nothing_of_its_old_facts_remains_in_the_answers()
    {
        await host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(700.00m), issuedOn: "2012-04-01", zone: "pho-phong");
        await CatchUp();
        Assert.Equal(700.00m, await Attracted());

        await host.ResetAllMartenDataAsync();
        await host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Seeder>().Single().SeedAsync(CancellationToken.None);
        // More events than before the reset, so that the positions pass those the copy was read at.
        for (var i = 0; i < 3; i++)
            await host.AnIssuedCertificate(Officer, capital: LeadRequests.Usd(10.00m), issuedOn: "2012-06-01", zone: "pho-phong");
        await CatchUp();
        Assert.Equal(30.00m, await Attracted());
    }

    private async Task<decimal> Attracted() =>
        (await host.Get<ZoneProgress>(Officer, "/api/v1/zones/pho-phong/progress/2012?asOf=2014-12-31")).AttractedUsd;

    /// <summary>A daemon run until it has caught up with the log: the high-water mark reaches the last event.</summary>
    private async Task CatchUp()
    {
        using var daemon = await host.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await daemon.WaitForNonStaleData(TimeSpan.FromMinutes(1));
        await daemon.StopAllAsync();
    }
}
