using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Targets;

namespace Investment.Api.Tests.Targets;

public sealed class TargetTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Target(string min, string max, string decision = "25/QĐ-UBND", string decidedOn = "2014-01-08", string? reason = null) =>
        new { minimumUsd = min, maximumUsd = max, decision, decidedOn, reason };

    [Fact]
    public async Task an_admin_sets_a_target_then_revises_it_and_every_version_is_kept()
    {
        const string url = "/api/v1/zones/tinh-phong/targets/2009";
        var set = await Host.Put(Admin, url, Target("100000000", "150000000"));
        var again = await Host.Put(Admin, url, Target("100000000", "150000000"));
        var revised = await Host.Put(Admin, url, Target("120000000", "150000000.50", "31/QĐ-UBND", "2014-06-01", "Mid-year review."), "\"1\"");

        Assert.Equal(201, set.Context.Response.StatusCode);
        Assert.Equal(url, set.Header("Location"));
        Assert.Equal("\"1\"", again.Header("ETag")); // nothing new recorded
        Assert.Equal(200, revised.Context.Response.StatusCode);
        var target = await Host.Get<Target>(Partner, url);
        Assert.Equal((120_000_000m, 150_000_000.50m), (target.Range.MinimumUsd, target.Range.MaximumUsd));
        Assert.Equal(["25/QĐ-UBND", "31/QĐ-UBND"], target.Versions.Select(v => v.Range.Decision));
        var revision = target.Versions[1];
        Assert.Equal("Mid-year review.", revision.Reason);
        Assert.Null(revision.RecordedBy); // partners are not told who recorded it
        Assert.Equal("admin.tran", (await Host.Get<Target>(Officer, url)).Versions[1].RecordedBy);
    }

    [Fact]
    public async Task only_admins_set_targets()
    {
        await (await Host.Put(Officer, "/api/v1/zones/tinh-phong/targets/2008", Target("1", "2"))).ShouldBe(403, "auth.forbidden");
        await (await Host.Put(Partner, "/api/v1/zones/tinh-phong/targets/2008", Target("1", "2"))).ShouldBe(403, "auth.forbidden");
    }

    [Fact]
    public async Task bad_targets_are_refused()
    {
        await (await Host.Put(Admin, "/api/v1/zones/tinh-phong/targets/2007", Target("200", "100"))).ShouldBe(400, "validation.failed");
        await (await Host.Put(Admin, "/api/v1/zones/tinh-phong/targets/2007", Target("-1", "100"))).ShouldBe(400, "validation.failed");
        await (await Host.Put(Admin, "/api/v1/zones/tinh-phong/targets/2007", Target("1", "2", decidedOn: "2014-07-06"))).ShouldBe(409, "date.in_future");
        await (await Host.Put(Admin, "/api/v1/zones/hai-phong/targets/2007", Target("1", "2"))).ShouldBe(404, "zone.not_found");
        await (await Host.Put(Admin, "/api/v1/zones/tinh-phong/targets/1900", Target("1", "2"))).ShouldBe(400, "request.invalid_year");
        await (await Host.Send(Partner, s => s.Get.Url("/api/v1/zones/tinh-phong/targets/2007"))).ShouldBe(404, "target.not_found");
    }

    [Fact]
    public async Task a_stale_if_match_does_not_revise()
    {
        const string url = "/api/v1/zones/tinh-phong/targets/2006";
        await Host.Put(Admin, url, Target("1", "2"));
        await Host.Put(Admin, url, Target("1", "3"), "\"1\"");
        await (await Host.Put(Admin, url, Target("1", "4"), "\"1\"")).ShouldBe(412, "concurrency.stale");
    }

    [Fact]
    public async Task if_match_on_a_target_that_does_not_exist_answers_412_and_creates_nothing()
    {
        const string url = "/api/v1/zones/tinh-phong/targets/2005";

        var refused = await Host.Put(Admin, url, Target("1", "2"), "\"1\"");

        await refused.ShouldBe(412, "concurrency.target_missing");
        await (await Host.Send(Admin, s => s.Get.Url(url))).ShouldBe(404, "target.not_found");
    }

    [Fact]
    public async Task if_none_match_star_on_an_existing_target_answers_412_and_revises_nothing()
    {
        const string url = "/api/v1/zones/tinh-phong/targets/2004";
        await Host.Put(Admin, url, Target("1", "2"));

        var refused = await Host.Send(Admin, s =>
        {
            s.Put.Json(Target("1", "3")).ToUrl(url);
            s.WithRequestHeader("If-None-Match", "*");
        });
        var created = await Host.Send(Admin, s =>
        {
            s.Put.Json(Target("1", "3")).ToUrl("/api/v1/zones/tinh-phong/targets/2003");
            s.WithRequestHeader("If-None-Match", "*");
        });

        await refused.ShouldBe(412, "concurrency.target_exists");
        Assert.Equal(2m, (await Host.Get<Target>(Admin, url)).Range.MaximumUsd);
        Assert.Equal(201, created.Context.Response.StatusCode);
    }
}
