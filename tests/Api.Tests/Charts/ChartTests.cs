using System.Xml.Linq;
using Alba;
using Investment.Api.Charts;
using Investment.Api.Http;
using Investment.Api.Leads;
using Investment.Api.Reports;
using Investment.Api.Tests.Certificates;
using Investment.Api.Tests.Infrastructure;
using Investment.Api.Tests.Leads;
using Investment.Domain.Reports;
using NodaTime;
using NodaTime.Testing;

namespace Investment.Api.Tests.Charts;

/// <summary>
/// Dung Quat's 2014 on a database of its own (other tests count 2014 in every zone): two certificates, an amendment,
/// an inspection and the plan's target, read on 5 July 2014, then a lead at each of two stages.
/// </summary>
public sealed class ChartedZone : IAsyncLifetime
{
    public FakeClock Clock { get; } = new(ApiFixture.Start);
    public IAlbaHost Host { get; private set; } = null!;
    public static readonly string Officer = TestTokens.For(Roles.Officer, "officer.nguyen");
    public static readonly string Partner = TestTokens.For(Roles.Partner, "partner.dpi");

    public async Task InitializeAsync()
    {
        Host = await ApiFixture.StartHost(TestDatabase.Create("charts"), Clock);
        var admin = TestTokens.For(Roles.Admin, "admin.tran");
        await Host.Put(admin, "/api/v1/zones/dung-quat/targets/2014",
            new { minimumUsd = "100000000", maximumUsd = "150000000", decision = "25/QĐ-UBND", decidedOn = "2014-01-08" });
        var refinery = await Host.AnIssuedCertificate(Officer, "VN", LeadRequests.Usd(48_000_000m), "2014-03-25", schedule: []);
        await Host.AnIssuedCertificate(Officer, "KR", LeadRequests.Usd(12_500_000.50m), "2014-05-10", schedule: []);
        await Host.Post(Officer, $"/api/v1/certificates/{refinery.Id}/amendments",
            new { on = "2014-04-15", capitalChange = LeadRequests.Usd(20_000_000m), reason = "Second unit." });
        await Host.Post(Officer, $"/api/v1/certificates/{refinery.Id}/inspections",
            new { on = "2014-06-02", inspector = "officer.tran", progress = "onSchedule", disbursedSoFar = LeadRequests.Usd(7_000_000m), findings = "Piling." });
        var lead = await Host.ALead(Officer, zone: "dung-quat");
        await Host.Post(Officer, $"/api/v1/leads/{lead.Id}/stage", new { stage = "engaged", on = "2014-07-05" });
        await Host.ALead(Officer, zone: "dung-quat");
        await Host.Settled();
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

public sealed class ChartTests(ChartedZone zone) : IClassFixture<ChartedZone>
{
    private const string Progress = "/api/v1/zones/dung-quat/progress/2014";
    private const string Pipeline = "/api/v1/zones/dung-quat/pipeline?openedFrom=2014-01-01&openedTo=2014-12-31";

    private Task<IScenarioResult> Chart(string url, string accept, string? language = null, string? ifNoneMatch = null) =>
        zone.Host.Send(ChartedZone.Partner, s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            if (language is not null) s.WithRequestHeader("Accept-Language", language);
            if (ifNoneMatch is not null) s.WithRequestHeader("If-None-Match", ifNoneMatch);
            s.IgnoreStatusCode();
        });

    private async Task<ProgressChartData> ProgressData(string language = "en") =>
        await (await Chart($"{Progress}/chart", "application/json", language)).Read<ProgressChartData>();

    [Fact]
    public async Task the_progress_chart_is_drawn_from_the_figures_the_progress_answers()
    {
        var progress = await zone.Host.Get<ZoneProgress>(ChartedZone.Partner, Progress);
        var explanation = await zone.Host.Get<ProgressExplanation>(ChartedZone.Partner, $"{Progress}/explanation");
        var data = await ProgressData();

        var today = new LocalDate(2014, 7, 5);
        Assert.Equal(today, data.Today);
        Assert.Equal(progress.Target, data.Target);
        LocalDate[] days = [new(2014, 1, 1), new(2014, 1, 31), new(2014, 2, 28), new(2014, 3, 31), new(2014, 4, 30), new(2014, 5, 31), new(2014, 6, 30), today];
        Assert.Equal(days, data.Attracted.Points.Select(p => p.On));
        // Each point is the sum of the explanation's lines up to its day, computed here independently of the chart.
        Assert.Equal(days.Select(d => explanation.Lines.Where(l => l.On <= d).Sum(l => l.AmountUsd)), data.Attracted.Points.Select(p => p.Usd));
        Assert.Equal(new ChartPoint(today, progress.AttractedUsd), data.Attracted.Points[^1]);
        Assert.Equal(80_500_000.50m, progress.AttractedUsd);
        Assert.Equal(new ChartPoint(today, progress.Realised.RealisedInPeriodUsd), data.Realised.Points[^1]);
        Assert.Equal(7_000_000m, data.Realised.Points[^1].Usd);
        Assert.Equal(0m, data.Realised.Points.Single(p => p.On == new LocalDate(2014, 5, 31)).Usd);
        var straight = Assert.Single(data.Forecasts, f => f.Key == "straightLine");
        Assert.Equal([new ChartPoint(today, progress.AttractedUsd), new ChartPoint(new LocalDate(2014, 12, 31), progress.Status.ForecastUsd)], straight.Points);
        // The pipeline's forecast is drawn exactly when the progress answers one (open leads expected to land this year).
        // The zone's two open leads of 2014 are expected to land, so the fixture draws it.
        Assert.True(progress.Status.PipelineExpectedUsd > 0m);
        var pipeline = Assert.Single(data.Forecasts, f => f.Key == "pipelineWeighted");
        Assert.Equal([new ChartPoint(today, progress.AttractedUsd), new ChartPoint(new LocalDate(2014, 12, 31), progress.Status.PipelineForecastUsd)], pipeline.Points);
    }

    [Fact]
    public async Task the_progress_chart_is_an_svg_with_every_series_its_legend_and_its_words_in_the_language_asked()
    {
        var answer = await Chart($"{Progress}/chart", "image/svg+xml", "vi-VN,vi;q=0.9,en;q=0.5");
        Assert.Equal(200, answer.Context.Response.StatusCode);
        Assert.Equal("image/svg+xml", answer.Context.Response.ContentType);
        Assert.Equal("vi", answer.Header("Content-Language"));
        var svg = XDocument.Parse(await answer.ReadAsTextAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var words = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
        var data = await ProgressData("vi");
        Assert.Contains("Khu kinh tế Dung Quất — vốn đầu tư thu hút năm 2014", words);
        Assert.Equal("Khu kinh tế Dung Quất — vốn đầu tư thu hút năm 2014", data.Title);
        Assert.Contains("Mục tiêu: 100–150 triệu USD", words);
        Assert.Contains(data.Attracted.Label, words);
        Assert.Contains(data.Realised.Label, words);
        Assert.Contains(data.Forecasts[0].Label, words);
        Assert.Contains("Hôm nay 05/07/2014", words);
        Assert.Contains("T12", words);
        Assert.Contains("Triệu USD", words);
        // Each line is stroked in its own colour: attracted blue, realised green, the straight-line forecast vermillion.
        var strokes = svg.Descendants().SelectMany(e => new[] { (string?)e.Attribute("stroke"), (string?)e.Attribute("fill") }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("#0072B2", strokes);
        Assert.Contains("#009E73", strokes);
        Assert.Contains("#D55E00", strokes);
    }

    [Fact]
    public async Task the_same_data_draws_the_same_bytes_under_the_same_etag_and_answers_304_when_unchanged()
    {
        foreach (var type in new[] { "image/svg+xml", "image/png", "application/json" })
        {
            var first = await Chart($"{Progress}/chart", type);
            var second = await Chart($"{Progress}/chart", type);
            Assert.Equal(first.Header("ETag"), second.Header("ETag"));
            Assert.Equal(await Bytes(first), await Bytes(second));
            var unchanged = await Chart($"{Progress}/chart", type, ifNoneMatch: first.Header("ETag"));
            Assert.Equal(304, unchanged.Context.Response.StatusCode);
        }
        var png = await Chart($"{Progress}/chart", "image/png");
        Assert.Equal("image/png", png.Context.Response.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await Bytes(png))[..4]);
        Assert.NotEqual((await Chart($"{Progress}/chart", "image/png")).Header("ETag"), (await Chart($"{Progress}/chart", "image/png", "vi")).Header("ETag"));
    }

    [Fact]
    public async Task a_chart_of_an_unknown_zone_or_a_bad_year_is_a_problem_and_it_needs_a_token()
    {
        await (await Chart("/api/v1/zones/nowhere/progress/2014/chart", "image/svg+xml")).ShouldBe(404, "zone.not_found");
        await (await Chart("/api/v1/zones/dung-quat/progress/1900/chart", "image/svg+xml")).ShouldBe(400, "request.invalid_year");
        await (await Chart("/api/v1/zones/dung-quat/progress/2014/chart?asOf=2014-13-01", "image/svg+xml")).ShouldBe(400, "request.invalid_asOf");
        await (await Chart("/api/v1/zones/nowhere/pipeline/chart", "image/svg+xml")).ShouldBe(404, "zone.not_found");
        await (await zone.Host.Send(null, s => { s.Get.Url($"{Progress}/chart"); s.IgnoreStatusCode(); })).ShouldBe(401, "auth.unauthenticated");
    }

    [Fact]
    public async Task the_funnel_is_drawn_from_the_stages_the_pipeline_answers()
    {
        var pipeline = await zone.Host.Get<ZonePipeline>(ChartedZone.Partner, Pipeline);
        var chartUrl = "/api/v1/zones/dung-quat/pipeline/chart?openedFrom=2014-01-01&openedTo=2014-12-31";
        var data = await (await Chart(chartUrl, "application/json")).Read<PipelineChartData>();

        Assert.Equal(pipeline.Stages.Select(s => (s.Stage, s.Reached, s.Current, s.EstimatedCapitalUsd, s.ConversionToNext)),
            data.Stages.Select(s => (s.Stage, s.Reached, s.Current, s.EstimatedCapitalUsd, s.ConversionToNext)));
        Assert.Equal((2, 2, 1), (data.Leads, data.Stages[0].Reached, data.Stages[1].Reached));

        var svg = XDocument.Parse(await (await Chart(chartUrl, "image/svg+xml", "en")).ReadAsTextAsync());
        var words = svg.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Dung Quat Economic Zone — pipeline of leads opened 01/01/2014 to 31/12/2014", words);
        Assert.All(data.Stages, s => Assert.Contains(s.Label, words));
        Assert.Contains("↓ 50% go on", words);
        var vietnamese = await (await Chart(chartUrl, "application/json", "vi")).Read<PipelineChartData>();
        Assert.Equal(["Tiềm năng", "Đang tiếp xúc", "Khảo sát thực địa", "Cam kết (MoU)", "Đã nộp hồ sơ", "Đã cấp GCNĐT"], vietnamese.Stages.Select(s => s.Label));
    }

    private static async Task<byte[]> Bytes(IScenarioResult result)
    {
        using var copy = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(copy);
        return copy.ToArray();
    }
}

public sealed class TextTests
{
    [Fact]
    public void every_text_is_written_in_both_languages_and_the_vietnamese_with_its_diacritics()
    {
        Assert.All(Texts.Keys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Texts.Get(ChartLanguage.Vietnamese, key)), key);
            Assert.False(string.IsNullOrWhiteSpace(Texts.Get(ChartLanguage.English, key)), key);
        });
        Assert.All(Enum.GetNames<Investment.Domain.Leads.LeadStage>(), s => Assert.Contains($"stage.{Json.Name(s)}", Texts.Keys));
        Assert.All(Enum.GetNames<Investment.Domain.Certificates.WatchRule>(), r => Assert.Contains($"rule.{Json.Name(r)}", Texts.Keys));
        Assert.All(Enum.GetNames<TargetPosition>(), p => Assert.Contains($"position.{Json.Name(p)}", Texts.Keys));
        Assert.Equal("Vốn thu hút (lũy kế)", Texts.Get(ChartLanguage.Vietnamese, "series.attracted"));
    }
}
