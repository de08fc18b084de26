using Investment.Api.Endpoints;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Leads;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Leads;

public sealed class ListLeadsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task filters_by_stage_zone_owner_country_and_sector_combine()
    {
        var owner = Unique("officer.filter").Replace(' ', '.');
        var wanted = await Host.ALead(Officer, "TW", "tinh-phong", "steelAndMetallurgy", owner: owner);
        await Host.Post(Officer, $"/api/v1/leads/{wanted.Id}/stage", new { stage = "engaged" });
        await Host.ALead(Officer, "TW", "tinh-phong", "steelAndMetallurgy", owner: owner); // still a prospect
        await Host.ALead(Officer, "KR", "tinh-phong", "steelAndMetallurgy", owner: owner);
        await Host.ALead(Officer, "TW", "quang-phu", "steelAndMetallurgy", owner: owner);
        await Host.ALead(Officer, "TW", "tinh-phong", "energy", owner: owner);

        var page = await Host.Get<Page<Lead>>(Officer, $"/api/v1/leads?owner={owner}&stage=ENGAGED&zone=tinh-phong&country=tw&sector=steelAndMetallurgy");

        Assert.Equal(wanted.Id, Assert.Single(page.Items).Id);
        Assert.Equal(5, (await Host.Get<Page<Lead>>(Officer, $"/api/v1/leads?owner={owner}")).Items.Count);
    }

    [Fact]
    public async Task leads_opened_at_one_instant_page_in_the_order_they_were_opened_without_gaps_or_repeats()
    {
        // The clock stands still: the five are recorded at one instant, and their ids keep the order they were opened in.
        var owner = Unique("officer.paged").Replace(' ', '.');
        var opened = new List<Guid>();
        for (var i = 0; i < 5; i++) opened.Add((await Host.ALead(Officer, owner: owner)).Id);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Host.Get<Page<Lead>>(Officer, $"/api/v1/leads?owner={owner}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(x => x.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(opened, seen);
    }

    [Fact]
    public async Task follow_up_due_by_a_date_lists_open_leads_whose_next_follow_up_is_on_or_before_it()
    {
        var owner = Unique("officer.due").Replace(' ', '.');
        var due = await Host.ALead(Officer, owner: owner);
        var later = await Host.ALead(Officer, owner: owner);
        var lost = await Host.ALead(Officer, owner: owner);
        await Host.Post(Officer, $"/api/v1/leads/{due.Id}/contacts", LeadRequests.Contact(followUpOn: "2014-07-03"));
        await Host.Post(Officer, $"/api/v1/leads/{later.Id}/contacts", LeadRequests.Contact(followUpOn: "2014-07-04"));
        await Host.Post(Officer, $"/api/v1/leads/{lost.Id}/contacts", LeadRequests.Contact(followUpOn: "2014-07-02"));
        await Host.Post(Officer, $"/api/v1/leads/{lost.Id}/lose", new { reason = "Gone.", reasonCode = "other" });

        var page = await Host.Get<Page<Lead>>(Officer, $"/api/v1/leads?owner={owner}&followUpDueBy=2014-07-03");

        Assert.Equal(due.Id, Assert.Single(page.Items).Id);
    }

    [Theory]
    [InlineData("stage=won", "request.invalid_stage")]
    [InlineData("sector=mining", "request.invalid_sector")]
    [InlineData("followUpDueBy=2014-02-30", "request.invalid_followUpDueBy")]
    [InlineData("limit=500", "request.invalid_limit")]
    public async Task bad_filters_answer_400(string query, string code) =>
        await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/leads?{query}"))).ShouldBe(400, code);

    [Fact]
    public async Task an_officers_follow_ups_due_today_or_overdue_are_read_in_vietnams_calendar()
    {
        var officer = Unique("officer.morning").Replace(' ', '.');
        var token = TestTokens.For("officer", officer);
        var today = VietnamCalendar.Today(Clock.GetCurrentInstant());
        var overdue = await Host.ALead(token);
        var dueToday = await Host.ALead(token);
        var tomorrow = await Host.ALead(token);
        var someoneElses = await Host.ALead(Officer);
        await Host.Post(token, $"/api/v1/leads/{overdue.Id}/contacts", LeadRequests.Contact(followUpOn: $"{today.PlusDays(-3):yyyy-MM-dd}"));
        await Host.Post(token, $"/api/v1/leads/{dueToday.Id}/contacts", LeadRequests.Contact(followUpOn: $"{today:yyyy-MM-dd}"));
        await Host.Post(token, $"/api/v1/leads/{tomorrow.Id}/contacts", LeadRequests.Contact(followUpOn: $"{today.PlusDays(1):yyyy-MM-dd}"));
        await Host.Post(Officer, $"/api/v1/leads/{someoneElses.Id}/contacts", LeadRequests.Contact(followUpOn: $"{today:yyyy-MM-dd}"));

        var mine = await Host.Get<DueFollowUps>(token, "/api/v1/leads/follow-ups");

        Assert.Equal(officer, mine.Owner);
        Assert.Equal([overdue.Id, dueToday.Id], mine.Leads.Select(l => l.Id));

        // 17:30 UTC is already the next day in Vietnam (UTC+7): tomorrow's follow-up falls due.
        var utcEvening = Clock.GetCurrentInstant().InUtc().Date.AtMidnight().PlusHours(17).PlusMinutes(30).InUtc().ToInstant();
        var saved = Clock.GetCurrentInstant();
        Clock.Reset(utcEvening < saved ? utcEvening.Plus(NodaTime.Duration.FromDays(1)) : utcEvening);
        try
        {
            var evening = await Host.Get<DueFollowUps>(token, $"/api/v1/leads/follow-ups?owner={officer}");
            Assert.Contains(tomorrow.Id, evening.Leads.Select(l => l.Id));
        }
        finally
        {
            Clock.Reset(saved);
        }
    }

    [Fact]
    public async Task an_officer_with_more_than_500_due_follow_ups_gets_the_500_most_overdue()
    {
        var officer = Unique("officer.busy").Replace(' ', '.');
        var today = VietnamCalendar.Today(Clock.GetCurrentInstant());
        // 502 leads through the store (through the API it would take a thousand requests): 501 due yesterday, opened
        // first, then the most overdue one, due a year ago, opened last.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var investor = Guid.CreateVersion7();
        Guid Lead(IDocumentSession session, NodaTime.LocalDate followUpOn)
        {
            var id = Guid.CreateVersion7();
            var now = Clock.GetCurrentInstant();
            session.Events.StartStream<LeadDetails>(id,
                new LeadOpened(id, investor, "Busy Investor", "JP", "dung-quat", "Busy project", Sector.Energy, Money.Usd(1_000_000m), LeadSource.Referral,
                    officer, today.PlusYears(-2), officer, now),
                new ContactLogged(id, Guid.CreateVersion7(), new ContactDetails(now, ContactChannel.Call, [officer], [], "Call.", null, followUpOn), officer, now));
            return id;
        }
        await using (var session = store.LightweightSession())
        {
            for (var i = 0; i < 501; i++) Lead(session, today.PlusDays(-1));
            await session.SaveChangesAsync();
        }
        Guid mostOverdue;
        await using (var session = store.LightweightSession())
        {
            mostOverdue = Lead(session, today.PlusYears(-1));
            await session.SaveChangesAsync();
        }

        var due = await Host.Get<DueFollowUps>(Officer, $"/api/v1/leads/follow-ups?owner={officer}");

        Assert.True(due.Truncated);
        Assert.Equal(ListFollowUps.MaxDue, due.Leads.Count);
        Assert.Equal(mostOverdue, due.Leads[0].Id); // the most overdue first
    }
}
