using Investment.Api.Endpoints;
using Investment.Api.Investors;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Investment.Api.Tests.Investors;

public sealed class ListInvestorsTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_name_search_ignores_case_and_vietnamese_diacritics()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"Công ty Cổ phần Quảng Ngãi Đông {tag}", "VN"));

        foreach (var q in new[] { $"quang ngai dong {tag}", $"QUẢNG NGÃI ĐÔNG {tag}", $"ngai dong {tag}" })
        {
            var page = await Host.Get<Page<Investor>>(Officer, $"/api/v1/investors?q={Uri.EscapeDataString(q)}");
            Assert.Equal(investor.Id, Assert.Single(page.Items).Id);
        }
    }

    [Fact]
    public async Task filters_by_country_and_sector_combine()
    {
        var tag = Unique("Filter");
        await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Taiwan Steel", "TW", ["steelAndMetallurgy"]));
        await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Taiwan Textiles", "TW", ["lightIndustryAndTextiles"]));
        await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Korea Steel", "KR", ["steelAndMetallurgy", "heavyIndustry"]));

        var page = await Host.Get<Page<Investor>>(Officer, $"/api/v1/investors?q={Uri.EscapeDataString(tag)}&country=tw&sector=steelAndMetallurgy");

        Assert.Equal($"{tag} Taiwan Steel", Assert.Single(page.Items).LegalName);
    }

    [Fact]
    public async Task pages_follow_the_cursor_without_gaps_or_repeats()
    {
        var tag = Unique("Paged");
        var registered = new List<Guid>();
        for (var i = 0; i < 5; i++)
            registered.Add((await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Company {i}", "SG"))).Id);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/investors?q={Uri.EscapeDataString(tag)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await Host.Get<Page<Investor>>(Officer, url);
            seen.AddRange(page.Items.Select(x => x.Id));
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(registered, seen);
    }

    [Fact]
    public async Task investors_stored_before_positions_were_instants_list_first_in_log_order_and_page_with_the_rest()
    {
        // Before quick appends (issue 18) an investor's position was its registration's global sequence; a document stored
        // then keeps it until rebuild-projections. Sequences sort below every instant, so the list stays one order.
        var tag = Unique("Stored before");
        var earlier = new List<Guid>();
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            foreach (var (sequence, name) in new[] { (7L, "Seventh"), (3L, "Third") })
            {
                var registered = new InvestorRegistered(Guid.NewGuid(), new InvestorProfile($"{tag} {name}", "SG", [], null, null, []), "officer.nguyen",
                    Clock.GetCurrentInstant());
                session.Store(new InvestorDetails(registered.InvestorId, Investor.Create(registered), SearchText.Fold(registered.Profile.LegalName), sequence, 1));
                earlier.Insert(0, registered.InvestorId);
            }
            await session.SaveChangesAsync();
        }
        var later = new List<Guid>();
        for (var i = 0; i < 2; i++) later.Add((await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile($"{tag} Now {i}", "SG"))).Id);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Host.Get<Page<Investor>>(Officer, $"/api/v1/investors?q={Uri.EscapeDataString(tag)}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(x => x.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        // A cursor sealed then (a sequence alone) goes on after it, as it did.
        var afterThird = await Host.Get<Page<Investor>>(Officer, $"/api/v1/investors?q={Uri.EscapeDataString(tag)}&limit=1&cursor={Paging.Encode(3)}");

        Assert.Equal([.. earlier, .. later], seen);
        Assert.Equal(earlier[1], Assert.Single(afterThird.Items).Id);
    }

    [Theory]
    [InlineData("limit=0", "request.invalid_limit")]
    [InlineData("limit=201", "request.invalid_limit")]
    [InlineData("cursor=not-a-cursor", "request.invalid_cursor")]
    [InlineData("sector=shipbuilding", "request.invalid_sector")]
    public async Task bad_paging_or_filters_answer_400(string query, string code)
    {
        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors?{query}"));
        await result.ShouldBe(400, code);
    }

    [Fact]
    public async Task a_limit_that_is_not_a_number_answers_400_naming_it()
    {
        var result = await Host.Send(Officer, s => s.Get.Url("/api/v1/investors?limit=ten"));
        var problem = await result.ShouldBe(400, "request.invalid");
        Assert.Contains("limit", problem.Detail);
    }

    [Fact]
    public async Task partners_see_investors_without_contact_persons()
    {
        var name = Unique("Personal Data Holdings");
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(name));

        var answer = await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors/{investor.Id}"));
        var one = await answer.Read<Investor>();
        var list = await Host.Get<Page<Investor>>(Partner, $"/api/v1/investors?q={Uri.EscapeDataString(name)}");
        var asOfficer = await Host.Get<Investor>(Officer, $"/api/v1/investors/{investor.Id}");

        Assert.Equal(name, one.LegalName);
        Assert.Null(one.ContactPersons);
        Assert.Null(Assert.Single(list.Items).ContactPersons);
        Assert.DoesNotContain("Sato", await answer.ReadAsTextAsync()); // the answer's whole text, whatever the field
        Assert.NotNull(asOfficer.ContactPersons);
    }

    [Fact]
    public async Task reading_an_investor_returns_its_etag()
    {
        var investor = await Host.ARegisteredInvestor(Officer, InvestorRequests.Profile(Unique("Etag Reader")));
        var result = await Host.Send(Partner, s => s.Get.Url($"/api/v1/investors/{investor.Id}"));
        Assert.Equal("\"1\"", result.Header("ETag"));
    }

    [Fact]
    public async Task an_unknown_investor_answers_404()
    {
        var result = await Host.Send(Officer, s => s.Get.Url($"/api/v1/investors/{Guid.NewGuid()}"));
        await result.ShouldBe(404, "investor.not_found");
    }
}
