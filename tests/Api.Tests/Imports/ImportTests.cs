using Investment.Api.Endpoints;
using Investment.Api.EventStore;
using Investment.Api.Imports;
using Investment.Api.Reports;
using Investment.Api.Tests.Infrastructure;
using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Imports;
using Investment.Domain.Investors;
using NodaTime;

namespace Investment.Api.Tests.Imports;

public sealed class ImportTests(ImportFixture fixture) : ImportTest(fixture)
{
    private static readonly LocalDate[] AsOfDays =
        [new(2007, 7, 5), new(2009, 1, 10), new(2010, 7, 5), new(2011, 12, 31), new(2012, 7, 5), new(2013, 1, 10), new(2013, 7, 5), new(2014, 1, 10), new(2014, 7, 4)];

    [Fact]
    public async Task a_realistic_registry_imports_and_its_reports_as_known_before_the_import_equal_a_computation_from_the_file()
    {
        var import = await Imported();
        Assert.Equal(Registry.Certificates.Count, import.Sheets["certificates"].Created);
        Assert.Equal(Registry.Amendments.Count, import.Sheets["amendments"].Created);
        Assert.Equal(Registry.Inspections.Count, import.Sheets["inspections"].Created);
        Assert.Equal(Registry.Revocations.Count, import.Sheets["revocations"].Created);
        Assert.True(Registry.Certificates.Count >= 100 && Registry.Amendments.Count > 50 && Registry.Inspections.Count > 50 && Registry.Revocations.Count > 5,
            "the register is realistic: many amendments, inspections and some revocations");

        foreach (var asOf in AsOfDays)
        foreach (var (year, period) in new[] { (asOf.Year - 1, GetZoneReport.WholeYear), (asOf.Year, GetZoneReport.FirstHalf), (asOf.Year, GetZoneReport.WholeYear) })
        {
            var report = await Host.Get<ZoneReport>(Admin, $"/api/v1/zones/dung-quat/reports/{year}/{period}?asOf={asOf:yyyy-MM-dd}");
            var expected = Registry.Figures("dung-quat", report.From, report.To, asOf);
            var because = $"{year} {period} as known on {asOf:yyyy-MM-dd}";
            Assert.True(expected == new Registry.Expected(report.NewCertificateCount, report.NewCapitalUsd, report.CapitalIncreaseAmendments, report.CapitalAddedUsd,
                report.CapitalReductionAmendments, report.CapitalReducedUsd, report.OtherAmendments, report.Revocations.Count), because);
            Assert.Equal(expected.AttractedUsd, report.AttractedUsd);
            Assert.StartsWith("Reconstructed from imported records", report.Reconstructed);
        }
        foreach (var asOf in AsOfDays)
        {
            var progress = await Host.Get<ZoneProgress>(Admin, $"/api/v1/zones/dung-quat/progress/{asOf.Year}?asOf={asOf:yyyy-MM-dd}");
            var expected = Registry.Figures("dung-quat", new LocalDate(asOf.Year, 1, 1), new LocalDate(asOf.Year, 12, 31), asOf);
            Assert.Equal((expected.AttractedUsd, expected.NewCertificates), (progress.AttractedUsd, progress.NewCertificates));
            Assert.NotNull(progress.Reconstructed);
        }
        // As known now (after the import) the report says nothing of a reconstruction.
        Assert.Null((await Host.Get<ZoneReport>(Admin, "/api/v1/zones/dung-quat/reports/2013/year")).Reconstructed);
    }

    [Fact]
    public async Task an_imported_event_is_recorded_as_known_from_its_known_since_day_and_says_where_it_came_from()
    {
        var import = await Imported();
        var row = Registry.Certificates.First(c => c.KnownSince is not null);
        var certificate = (await Host.Get<Page<Certificate>>(Admin, $"/api/v1/certificates?limit=100&zone={row.Zone}")).Items.FirstOrDefault(c => c.Number == row.Number)
            ?? (await Host.Get<Page<Certificate>>(Admin, $"/api/v1/certificates?limit=100&issueYear={row.IssuedOn.Year}")).Items.Single(c => c.Number == row.Number);

        var history = await Host.Get<Page<HistoryEntry>>(Admin, $"/api/v1/certificates/{certificate.Id}/history");

        var issued = history.Items[0];
        Assert.Equal("certificateIssued", issued.Type);
        Assert.Equal(row.KnownSince!.Value.AtStartOfDayInZone(VietnamCalendar.Zone).ToInstant(), issued.RecordedAt);
        Assert.Equal("admin.tran", issued.RecordedBy);
        Assert.Equal(new ImportedFrom(import.Id, "certificates", Registry.Certificates.IndexOf(row) + 2, "admin.tran", ApiFixture.Start), issued.Imported);
        Assert.All(history.Items, e => Assert.Equal(import.Id, e.Imported?.ImportId));
    }

    [Fact]
    public async Task importing_the_same_file_again_stores_nothing_new()
    {
        await Imported();

        var again = await Finished(await Upload("", Workbook(Registry.Workbook(), "realistic-registry-again.xlsx")));

        Assert.Equal((ImportStatus.Completed, 0), (again.Status, again.EventsStored));
        Assert.Equal(Registry.Certificates.Count, again.Sheets["certificates"].Unchanged);
        Assert.Equal(Registry.Amendments.Count, again.Sheets["amendments"].Unchanged);
        Assert.Equal(Registry.Inspections.Count, again.Sheets["inspections"].Unchanged);
        Assert.Equal(Registry.Revocations.Count, again.Sheets["revocations"].Unchanged);
        Assert.Equal(Registry.Investors.Count, again.Sheets["investors"].Unchanged);
    }

    [Fact]
    public async Task the_same_registry_as_csv_sheets_separated_by_semicolons_with_a_bom_reads_the_same()
    {
        await Imported();

        var again = await Finished(await Upload("?dryRun=true", CsvSheets(Registry, ';')));

        Assert.Equal((ImportStatus.Checked, 0), (again.Status, again.EventsStored));
        Assert.Equal(Registry.Certificates.Count, again.Sheets["certificates"].Unchanged);
        Assert.Equal(Registry.Amendments.Count, again.Sheets["amendments"].Unchanged);
    }

    [Fact]
    public async Task a_dry_run_checks_everything_and_stores_nothing()
    {
        var registry = Registry.Generate(seed: 7, certificates: 6, prefix: "DRY", zones: ["pho-phong"]);

        var answer = await Upload("?dryRun=true", CsvSheets(registry));
        var record = await Finished(answer);

        Assert.Equal(200, answer.Context.Response.StatusCode);
        Assert.Equal((ImportStatus.Checked, 0, 6), (record.Status, record.EventsStored, record.Sheets["certificates"].Created));
        Assert.DoesNotContain((await Host.Get<Page<Certificate>>(Admin, "/api/v1/certificates?zone=pho-phong&limit=100")).Items,
            c => c.Number.StartsWith("DRY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_console_command_imports_csv_files_named_as_their_sheets()
    {
        var registry = Registry.Generate(seed: 11, certificates: 8, prefix: "CMD", zones: ["quang-phu"]);
        var (folder, paths) = CsvFiles(registry, "import-command");
        var files = paths.ToArray();

        Assert.Equal(0, await ImportCommand.Run([.. files, "--dry-run"], Host.Services));
        Assert.Equal(0, await ImportCommand.Run(files, Host.Services));
        Assert.Equal(0, await ImportCommand.Run(files, Host.Services)); // again: nothing new

        var stored = (await Host.Get<Page<Certificate>>(Admin, "/api/v1/certificates?zone=quang-phu&limit=100")).Items.Where(c => c.Number.StartsWith("CMD", StringComparison.Ordinal));
        Assert.Equal(8, stored.Count());
        var imports = await Host.Get<IReadOnlyList<ImportSummary>>(Admin, "/api/v1/imports?limit=100");
        Assert.Contains(imports, i => i.RanBy.StartsWith("console:", StringComparison.Ordinal) && i.Status == ImportStatus.Completed && i.EventsStored > 0);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task two_admins_uploading_at_once_store_each_fact_once()
    {
        var registry = Registry.Generate(seed: 5, certificates: 10, prefix: "RACE", zones: ["tinh-phong"]);
        var other = TestTokens.For(Investment.Api.Http.Roles.Admin, "admin.le");

        var answers = await Task.WhenAll(Upload(Admin, "", CsvSheets(registry)), Upload(other, "", CsvSheets(registry)));
        var records = await Task.WhenAll(answers.Select(Finished));

        Assert.All(records, r => Assert.Equal(ImportStatus.Completed, r.Status));
        Assert.Single(records, r => r.EventsStored > 0);
        Assert.Single(records, r => r.EventsStored == 0 && r.Sheets["certificates"].Unchanged == 10);
        Assert.Equal(10, (await Host.Get<Page<Certificate>>(Admin, "/api/v1/certificates?zone=tinh-phong&limit=100")).Items.Count(c => c.Number.StartsWith("RACE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task a_large_file_is_imported_in_the_background_with_progress()
    {
        var registry = Registry.Generate(seed: 3, certificates: 600, prefix: "BIG", zones: ["pho-phong"]);
        var sheets = CsvSheets(registry);
        Assert.True(sheets.Sum(s => s.Item4.Length) > 64 * 1024);

        var answer = await Upload("", sheets);
        var started = await answer.Read<ImportRecord>();

        Assert.Equal(202, answer.Context.Response.StatusCode);
        Assert.Equal($"/api/v1/imports/{started.Id}", answer.Header("Location"));
        Assert.Equal(ImportStatus.Running, started.Status);
        var done = await Finished(answer);
        Assert.Equal(ImportStatus.Completed, done.Status);
        Assert.Equal((registry.Rows, registry.Rows), (done.RowsDone, done.RowsTotal));
        Assert.Equal(600, done.Sheets["certificates"].Created);
    }

    [Fact]
    public async Task the_template_has_a_sheet_per_kind_with_an_example_row_and_a_sheet_explaining_every_column()
    {
        var answer = await Host.Send(Admin, s => s.Get.Url("/api/v1/imports/template"));
        Assert.Equal(GetImportTemplate.Xlsx, answer.Context.Response.ContentType);
        using var stream = new MemoryStream();
        await answer.Context.Response.Body.CopyToAsync(stream);
        stream.Position = 0;

        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        Assert.Equal([.. ImportSheets.All.Select(s => s.Name), "columns"], sheets);
        stream.Position = 0;
        var certificates = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "certificates").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("341043000012", Assert.Single(certificates)["number"]?.ToString());
        stream.Position = 0;
        var columns = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "columns").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(ImportSheets.All.Sum(s => s.Columns.Count), columns.Count);
        Assert.All(columns, c => Assert.False(string.IsNullOrWhiteSpace(c["giai_thich"]?.ToString())));

        // The template as downloaded is a valid file: checked, its example facts would be stored.
        var checkedTemplate = await Finished(await Upload("?dryRun=true", Workbook(stream.ToArray(), "template.xlsx")));
        Assert.Equal(ImportStatus.Checked, checkedTemplate.Status);
        Assert.Equal((1, 1), (checkedTemplate.Sheets["leads"].Read, checkedTemplate.Sheets["contacts"].Read));
        Assert.Equal(checkedTemplate.Sheets["leads"].Read, checkedTemplate.Sheets["leads"].Created + checkedTemplate.Sheets["leads"].Unchanged);
    }

    [Fact]
    public async Task partners_and_officers_cannot_import()
    {
        var answer = await Upload(Officer, "", Csv("investors", "name,country\nA,VN\n"));
        Assert.Equal(403, answer.Context.Response.StatusCode);
    }
}
