using System.Net.Http.Headers;
using Alba;
using Investment.Api.Http;
using Investment.Api.Imports;
using Investment.Api.Tests.Infrastructure;
using NodaTime;
using NodaTime.Testing;

// "Imports" is a keyword of Visual Basic only: the tests mirror the feature's folder.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Investment.Api.Tests.Imports")]

namespace Investment.Api.Tests.Imports;

/// <summary>
/// The import tests' own API and database: a registry of 120 certificates in Dung Quat would change every other test's
/// figures. Uploads above 64 KiB run in the background here, so a test can watch one; events are saved 50 at a time,
/// so every import here stores in several batches.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public FakeClock Clock { get; } = new(ApiFixture.Start);
    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The realistic register: 120 certificates from 2006 to mid-2014, mostly in Dung Quat.</summary>
    public Registry Registry { get; } = Registry.Generate(seed: 2014, certificates: 120, prefix: "DQ", zones: ["dung-quat", "dung-quat", "dung-quat", "vsip-quang-ngai"]);

    public async Task InitializeAsync() => Host = await ApiFixture.StartHost(TestDatabase.Create("import"), Clock,
        more: new Dictionary<string, string?>
        {
            ["Imports:BackgroundAboveBytes"] = (64 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Imports:BatchEvents"] = "50",
        });

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ImportCollection : ICollectionFixture<ImportFixture>
{
    public const string Name = "import";
}

[Collection(ImportCollection.Name)]
public abstract class ImportTest(ImportFixture fixture)
{
    protected IAlbaHost Host => fixture.Host;
    protected FakeClock Clock => fixture.Clock;
    protected Registry Registry => fixture.Registry;

    protected static readonly string Admin = TestTokens.For(Roles.Admin, "admin.tran");
    protected static readonly string Officer = TestTokens.For(Roles.Officer, "officer.nguyen");

    /// <summary>Uploads files as multipart/form-data: (part name, file name, content type, bytes).</summary>
    protected Task<IScenarioResult> Upload(string query, params (string Part, string FileName, string ContentType, byte[] Bytes)[] files) =>
        Upload(Admin, query, files);

    protected Task<IScenarioResult> Upload(string token, string query, params (string Part, string FileName, string ContentType, byte[] Bytes)[] files) =>
        Upload(token, query, null, files);

    /// <param name="more">More of the request (an Accept-Language header).</param>
    protected async Task<IScenarioResult> Upload(string token, string query, Action<Scenario>? more, params (string Part, string FileName, string ContentType, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (part, fileName, contentType, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(content, part, fileName);
        }
        var body = await form.ReadAsByteArrayAsync();
        return await Host.SendRaw(token, "POST", $"/api/v1/imports{query}", body, form.Headers.ContentType!.ToString(), more);
    }

    /// <summary>Writes the registry's non-empty sheets as CSV files named after them (as the console command takes them), in a temporary folder.</summary>
    protected static (DirectoryInfo Folder, IReadOnlyList<string> Paths) CsvFiles(Registry registry, string folderName)
    {
        var folder = Directory.CreateTempSubdirectory(folderName);
        return (folder, [.. registry.Csv().Where(s => s.Value.Length > 0).Select(s =>
        {
            var path = Path.Combine(folder.FullName, $"{s.Key}.csv");
            File.WriteAllText(path, s.Value);
            return path;
        })]);
    }

    protected static (string, string, string, byte[]) Workbook(byte[] bytes, string fileName = "registry.xlsx") =>
        ("file", fileName, GetImportTemplate.Xlsx, bytes);

    protected static (string, string, string, byte[]) Csv(string sheet, string text, bool bom = false) =>
        (sheet, $"{sheet}.csv", "text/csv", [.. (bom ? System.Text.Encoding.UTF8.GetPreamble() : []), .. System.Text.Encoding.UTF8.GetBytes(text)]);

    protected static (string, string, string, byte[])[] CsvSheets(Registry registry, char separator = ',') =>
        [.. registry.Csv(separator).Where(s => s.Value.Length > 0).Select(s => Csv(s.Key, s.Value, bom: separator == ';'))];

    /// <summary>The realistic register, imported once for the whole class (later tests build on it).</summary>
    protected async Task<ImportRecord> Imported()
    {
        var past = await Host.Get<IReadOnlyList<ImportSummary>>(Admin, "/api/v1/imports?limit=100");
        if (past.FirstOrDefault(p => p.FileName == "realistic-registry.xlsx" && p.Status == ImportStatus.Completed) is { } done)
            return await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{done.Id}");
        var record = await Finished(await Upload("", Workbook(Registry.Workbook(), "realistic-registry.xlsx")));
        Assert.Equal(ImportStatus.Completed, record.Status);
        await Host.Settled();
        return record;
    }

    /// <summary>The import as it ended: answered at once (201, 200, 422) or, in the background (202), polled until done.</summary>
    protected async Task<ImportRecord> Finished(IScenarioResult answer)
    {
        var status = answer.Context.Response.StatusCode;
        Assert.True(status is 200 or 201 or 202, $"The upload answered {status}: {await answer.ReadAsTextAsync()}");
        var record = await answer.Read<ImportRecord>();
        for (var i = 0; record.Status == ImportStatus.Running && i < 600; i++)
        {
            await Task.Delay(100);
            record = await Host.Get<ImportRecord>(Admin, $"/api/v1/imports/{record.Id}");
        }
        return record;
    }
}
