using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Leads;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Leads;
using NodaTime;

namespace Investment.Api.Tests.Leads;

public sealed class ContactTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Contacts(Lead lead) => $"/api/v1/leads/{lead.Id}/contacts";

    [Fact]
    public async Task a_logged_contact_is_read_back_at_once_in_the_lead_and_its_log()
    {
        var lead = await Host.ALead(Officer);
        var contacts = $"/api/v1/leads/{lead.Id}/contacts";

        var result = await Host.Post(Officer, contacts, LeadRequests.Contact(occurredAtLocal: "2014-07-01T09:30:00", followUpOn: "2014-07-10"));

        Assert.Equal(201, result.Context.Response.StatusCode);
        var contact = await result.Read<LoggedContact>();
        Assert.Equal($"{contacts}/{contact.Id}", result.Header("Location"));
        Assert.Equal(Instant.FromUtc(2014, 7, 1, 2, 30), contact.OccurredAt); // 09:30 in Vietnam
        var details = await Host.Get<Lead>(Officer, $"/api/v1/leads/{lead.Id}");
        Assert.Equal((Instant.FromUtc(2014, 7, 1, 2, 30), new LocalDate(2014, 7, 10)), (details.LastContactAt, details.NextFollowUpOn));
        Assert.Equal(["Kim Min-jun"], (await Host.Get<Page<LoggedContact>>(Officer, contacts)).Items[0].InvestorPeople);
    }

    [Fact]
    public async Task the_201_of_a_logged_contact_is_exactly_what_reading_it_answers()
    {
        var lead = await Host.ALead(Officer);

        // Raw JSON on purpose: the 201 and the read must be the same document, and storage fields must be absent from it.
        var logged = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact(followUpOn: "2014-07-10"))).Json();

        var read = await (await Host.Send(Officer, s => s.Get.Url($"{Contacts(lead)}/{logged["id"]}"))).Json();
        Assert.Equal(read.ToJsonString(), logged.ToJsonString());
        Assert.Null(logged["loggedSequence"]); // storage, not an answer
        Assert.Null(logged["sortKey"]);
        // The entry was numbered from the saved event: of two contacts at one instant, the later logged lists first.
        var second = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact(followUpOn: "2014-07-10"))).Read<LoggedContact>();
        var items = (await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items;
        Assert.Equal([second.Id, Guid.Parse((string)logged["id"]!)], items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("""{"channel":"call","summary":"x","officers":["a"]}""", "occurredAt")]
    [InlineData("""{"channel":"call","summary":"x","officers":["a"],"occurredAt":"2014-07-01T02:30:00Z","occurredAtLocal":"2014-07-01T09:30:00"}""", "occurredAt")]
    [InlineData("""{"channel":"call","summary":"","officers":["a"],"occurredAt":"2014-07-01T02:30:00Z"}""", "summary")]
    [InlineData("""{"channel":"call","summary":"x","occurredAt":"2014-07-01T02:30:00Z"}""", "officers")]
    public async Task a_contact_without_its_time_summary_or_people_answers_400_naming_the_field(string body, string field)
    {
        var lead = await Host.ALead(Officer);
        var problem = await (await Host.SendRaw(Officer, "POST", Contacts(lead), body)).ShouldBe(400, "validation.failed");
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"channel":"call","summary":"x","officers":["a"],"occurredAtLocal":"-9998-01-01T00:00:00"}""", "occurredAtLocal")]
    [InlineData("""{"channel":"call","summary":"x","officers":["a"],"occurredAtLocal":"1899-12-31T23:59:59"}""", "occurredAtLocal")]
    [InlineData("""{"channel":"call","summary":"x","officers":["a"],"occurredAt":"0001-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"channel":"call","summary":"x","officers":["a"],"occurredAt":"9999-12-31T23:59:59Z"}""", "occurredAt")]
    public async Task a_contact_time_outside_1900_to_2100_answers_400_and_logs_nothing(string body, string field)
    {
        var lead = await Host.ALead(Officer);

        var problem = await (await Host.SendRaw(Officer, "POST", Contacts(lead), body)).ShouldBe(400, "validation.failed");

        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Empty((await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items);
    }

    [Fact]
    public async Task an_impossible_date_answers_400_naming_the_field()
    {
        var lead = await Host.ALead(Officer);
        var body = """{"channel":"call","summary":"x","officers":["a"],"occurredAt":"2014-07-01T02:30:00Z","followUpOn":"2014-13-01"}""";
        var problem = await (await Host.SendRaw(Officer, "POST", Contacts(lead), body)).ShouldBe(400, "request.malformed_json");
        Assert.Contains("$.followUpOn", problem.Detail);
    }

    [Fact]
    public async Task a_contact_in_the_future_or_a_follow_up_before_it_is_refused()
    {
        var lead = await Host.ALead(Officer);
        await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact(occurredAt: "2014-07-06T03:00:00Z"))).ShouldBe(409, "contact.in_future");
        await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact(occurredAtLocal: "2014-07-01T09:30:00", followUpOn: "2014-06-30")))
            .ShouldBe(409, "contact.follow_up_before_contact");
    }

    [Fact]
    public async Task a_retried_contact_with_the_same_idempotency_key_is_logged_once_and_answers_the_first_201()
    {
        var lead = await Host.ALead(Officer);
        var key = Guid.NewGuid().ToString();
        var body = LeadRequests.Contact("Call from the airport.");

        var first = await Host.Post(Officer, Contacts(lead), body, key: key);
        var retry = await Host.Post(Officer, Contacts(lead), body, key: key);

        Assert.Equal(201, retry.Context.Response.StatusCode);
        Assert.Equal(first.Header("Location"), retry.Header("Location"));
        Assert.Equal((await first.Read<LoggedContact>()).Id, (await retry.Read<LoggedContact>()).Id);
        Assert.Single((await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items);
        Assert.Equal(2, await Host.VersionOf(Officer, $"/api/v1/leads/{lead.Id}"));
        // The answer was stored with the write (issue 18): the replay carries the same ETag, the lead's version.
        Assert.Equal("\"2\"", first.Header("ETag"));
        Assert.Equal(first.Header("ETag"), retry.Header("ETag"));
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
    }

    [Fact]
    public async Task the_same_idempotency_key_with_another_body_is_refused_with_422()
    {
        var lead = await Host.ALead(Officer);
        var key = Guid.NewGuid().ToString();
        await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("First."), key: key);

        var reused = await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Something else."), key: key);

        await reused.ShouldBe(422, "idempotency.key_reused");
        Assert.Single((await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items);
    }

    [Fact]
    public async Task retries_racing_with_one_key_log_one_contact()
    {
        var lead = await Host.ALead(Officer);
        var key = Guid.NewGuid().ToString();
        var body = LeadRequests.Contact("Racing retries.");

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Host.Post(Officer, Contacts(lead), body, key: key)));

        Assert.All(results, r => Assert.Contains(r.Context.Response.StatusCode, new[] { 201, 409 }));
        Assert.Single((await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items);
        var after = await Host.Post(Officer, Contacts(lead), body, key: key);
        Assert.Equal(201, after.Context.Response.StatusCode);
    }

    [Fact]
    public async Task a_correction_replaces_the_contact_and_keeps_the_original_in_the_history()
    {
        var lead = await Host.ALead(Officer);
        var contact = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Met the CFO.", followUpOn: "2014-07-10"))).Read<LoggedContact>();
        var url = $"{Contacts(lead)}/{contact.Id}";

        var corrected = await Host.Put(Officer, url, LeadRequests.Contact("Met the CEO.", followUpOn: "2014-07-20", reason: "Wrong title."));

        Assert.Equal(200, corrected.Context.Response.StatusCode);
        Assert.Equal("Met the CEO.", (await Host.Get<LoggedContact>(Officer, url)).Summary);
        Assert.Equal(new LocalDate(2014, 7, 20), (await Host.Get<Lead>(Officer, $"/api/v1/leads/{lead.Id}")).NextFollowUpOn);
        var history = (await Host.Get<Page<HistoryEntry>>(Officer, $"/api/v1/leads/{lead.Id}/history")).Items;
        Assert.Equal(["leadOpened", "contactLogged", "contactCorrected"], history.Select(e => e.Type));
        Assert.Equal("Met the CFO.", history[1].Event<ContactLogged>().Contact.Summary);
        Assert.Equal("Met the CEO.", history[2].Event<ContactCorrected>().Contact.Summary);
    }

    [Fact]
    public async Task a_withdrawn_contact_leaves_the_log_and_the_follow_up_and_cannot_change_again()
    {
        var lead = await Host.ALead(Officer);
        await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Earlier.", occurredAtLocal: "2014-06-01T10:00:00", followUpOn: "2014-06-15"));
        var later = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Wrong lead.", followUpOn: "2014-07-30"))).Read<LoggedContact>();
        var url = $"{Contacts(lead)}/{later.Id}";

        var withdrawn = await Host.Post(Officer, $"{url}/withdraw", new { reason = "Logged against the wrong lead." });
        var again = await Host.Post(Officer, $"{url}/withdraw", new { reason = "Twice." });
        var correction = await Host.Put(Officer, url, LeadRequests.Contact("x"));

        Assert.True((await withdrawn.Read<LoggedContact>()).Withdrawn);
        await again.ShouldBe(409, "contact.withdrawn");
        await correction.ShouldBe(409, "contact.withdrawn");
        Assert.Equal(["Earlier."], (await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items.Select(c => c.Summary));
        Assert.Equal(2, (await Host.Get<Page<LoggedContact>>(Officer, $"{Contacts(lead)}?includeWithdrawn=true")).Items.Count);
        var read = await Host.Get<Lead>(Officer, $"/api/v1/leads/{lead.Id}");
        Assert.Equal((1, new LocalDate(2014, 6, 15)), (read.ContactCount, read.NextFollowUpOn));
    }

    [Fact]
    public async Task an_unknown_contact_answers_404()
    {
        var lead = await Host.ALead(Officer);
        var url = $"{Contacts(lead)}/{Guid.NewGuid()}";
        await (await Host.Send(Officer, s => s.Get.Url(url))).ShouldBe(404, "contact.not_found");
        await (await Host.Post(Officer, $"{url}/withdraw", new { reason = "x" })).ShouldBe(404, "contact.not_found");
        await (await Host.Put(Officer, url, LeadRequests.Contact("x"))).ShouldBe(404, "contact.not_found");
    }

    [Fact]
    public async Task the_log_lists_newest_first_in_pages()
    {
        var lead = await Host.ALead(Officer);
        foreach (var day in new[] { "03", "01", "05", "02", "04" })
            await Host.Post(Officer, Contacts(lead), LeadRequests.Contact($"Day {day}", occurredAtLocal: $"2014-07-{day}T08:00:00"));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Host.Get<Page<LoggedContact>>(Officer, $"{Contacts(lead)}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(c => c.Summary));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(["Day 05", "Day 04", "Day 03", "Day 02", "Day 01"], seen);
    }

    [Fact]
    public async Task a_corrected_time_moves_the_contact_in_the_log_and_a_withdrawal_takes_it_out()
    {
        var lead = await Host.ALead(Officer);
        var first = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("First.", occurredAtLocal: "2014-07-01T08:00:00"))).Read<LoggedContact>();
        var second = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Second.", occurredAtLocal: "2014-07-03T08:00:00"))).Read<LoggedContact>();
        var third = await (await Host.Post(Officer, Contacts(lead), LeadRequests.Contact("Third.", occurredAtLocal: "2014-07-05T08:00:00"))).Read<LoggedContact>();

        // Twice: the entry is changed in place, and the second correction wins.
        await Host.Put(Officer, $"{Contacts(lead)}/{first.Id}", LeadRequests.Contact("First, on the 2nd.", occurredAtLocal: "2014-07-02T08:00:00", reason: "Wrong day."));
        var corrected = await Host.Put(Officer, $"{Contacts(lead)}/{first.Id}",
            LeadRequests.Contact("First, on the 4th.", occurredAtLocal: "2014-07-04T08:00:00", followUpOn: "2014-07-20", reason: "Wrong day again."));
        await Host.Post(Officer, $"{Contacts(lead)}/{second.Id}/withdraw", new { reason = "Logged twice." });

        Assert.Equal(200, corrected.Context.Response.StatusCode);
        var read = await Host.Get<LoggedContact>(Officer, $"{Contacts(lead)}/{first.Id}");
        Assert.Equal(("First, on the 4th.", Instant.FromUtc(2014, 7, 4, 1, 0), new LocalDate(2014, 7, 20)), (read.Summary, read.OccurredAt, read.FollowUpOn));
        Assert.NotNull(read.CorrectedAt);
        Assert.Equal(first.LoggedAt, read.LoggedAt);
        Assert.Equal([third.Id, first.Id], (await Host.Get<Page<LoggedContact>>(Officer, Contacts(lead))).Items.Select(c => c.Id));
        var all = (await Host.Get<Page<LoggedContact>>(Officer, $"{Contacts(lead)}?includeWithdrawn=true")).Items;
        Assert.Equal([third.Id, first.Id, second.Id], all.Select(c => c.Id));
        Assert.Equal((true, "Logged twice."), (all[2].Withdrawn, all[2].WithdrawnReason));
    }

    [Fact]
    public async Task the_log_of_an_unknown_lead_answers_404()
    {
        await (await Host.Send(Officer, s => s.Get.Url($"/api/v1/leads/{Guid.NewGuid()}/contacts"))).ShouldBe(404, "lead.not_found");
    }
}
