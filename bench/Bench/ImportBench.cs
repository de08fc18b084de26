using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Investment.Bench;

/// <summary>
/// The import of an existing registry (issue 15), measured on its own: a registry of N rows (default 100,000) as CSV
/// sheets, written deterministically, imported by the console command of the published API (`import FILE…`) into the
/// benchmark's store, beside the other figures: rows per second as the command counts them (reading, checking through
/// the deciders, storing in one transaction) and end to end (with the process's start), and the command's peak memory.
/// Its certificates are in tinh-phong and dated 2006–2013, so the checks of dung-quat 2015 and its reports are untouched.
/// </summary>
public static partial class ImportBench
{
    public const string Scenario = "import";

    public static async Task<string> Run(string database, string signingKey, int rows)
    {
        var folder = Directory.CreateTempSubdirectory("bench-import");
        try
        {
            var files = Write(folder.FullName, rows);
            var clock = Stopwatch.StartNew();
            var info = ApiRunner.Info(database, signingKey, ["import", .. files]); // the published API, run as the benchmark runs it
            using var run = Process.Start(info)!;
            var error = run.StandardError.ReadToEndAsync();
            var output = await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();
            clock.Stop();
            var perSecond = RowsPerSecond().Match(output) is { Success: true } r ? r.Groups[1].Value : "?";
            var peak = PeakMemory().Match(output) is { Success: true } p ? p.Groups[1].Value : "?";
            var status = Status().Match(output) is { Success: true } s ? s.Groups[1].Value : $"exit {run.ExitCode}: {(await error).Trim()} {output.Trim()}";
            return $"Import of an existing registry: {rows:N0} rows (CSV sheets) {status}: {perSecond} rows/s in the command "
                + $"({rows / clock.Elapsed.TotalSeconds:N0} rows/s end to end, {clock.Elapsed.TotalSeconds:F1} s with the process's start); peak memory {peak} MB";
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\(([0-9]+) rows/s\)")]
    private static partial Regex RowsPerSecond();

    [GeneratedRegex(@"Peak memory: ([0-9]+) MB")]
    private static partial Regex PeakMemory();

    [GeneratedRegex(@"Import [0-9a-f-]+: (\w+) in")]
    private static partial Regex Status();

    /// <summary>
    /// Rows as a register holds them: an investor per 50 rows, then per certificate an amendment, one or two inspections
    /// and, for every tenth, a revocation, until the count is reached.
    /// </summary>
    private static string[] Write(string folder, int rows)
    {
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var investors = new StringBuilder("name,country,sectors\n");
        var certificates = new StringBuilder("number,project_name,investors,zone,sector,capital_amount,currency,land_area_ha,issued_on,duration_years,milestones,planned_jobs,known_since\n");
        var amendments = new StringBuilder("certificate_number,number,on,capital_change_amount,currency,reason,known_since\n");
        var inspections = new StringBuilder("certificate_number,on,progress,milestones_met,disbursed_usd,employees_vietnamese,employees_foreign,findings,known_since\n");
        var revocations = new StringBuilder("certificate_number,on,ground,decision,known_since\n");
        var investorCount = Math.Max(1, rows / 50);
        for (var i = 0; i < investorCount; i++) investors.Append(CultureInfo.InvariantCulture, $"Bench importer {run} {i},JP,energy\n");
        var written = investorCount;
        var start = new DateOnly(2006, 1, 1);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var c = 0; written < rows; c++)
        {
            var number = $"IMP{run}-{c:000000}";
            var issued = start.AddDays(c * 7 % 2_500);
            certificates.Append(CultureInfo.InvariantCulture,
                $"{number},Imported project {c},Bench importer {run} {c % investorCount},tinh-phong,energy,{10_000_000 + c % 1000 * 1000}.00,USD,10,{Day(issued)},30,Operation={Day(issued.AddYears(2))},{100 + c % 400},{Day(issued.AddDays(5))}\n");
            if (++written >= rows) break;
            amendments.Append(CultureInfo.InvariantCulture, $"{number},1,{Day(issued.AddDays(120))},{1_000_000 + c % 500 * 100}.00,USD,Capital raised.,{Day(issued.AddDays(125))}\n");
            if (++written >= rows) break;
            inspections.Append(CultureInfo.InvariantCulture, $"{number},{Day(issued.AddDays(200))},onSchedule,,{2_000_000 + c % 100}.00,120,4,On schedule.,{Day(issued.AddDays(210))}\n");
            if (++written >= rows) break;
            if (c % 5 == 0)
            {
                inspections.Append(CultureInfo.InvariantCulture, $"{number},{Day(issued.AddDays(400))},delayed,,{3_000_000 + c % 100}.00,150,5,Delayed.,\n");
                if (++written >= rows) break;
            }
            if (c % 10 == 0)
            {
                revocations.Append(CultureInfo.InvariantCulture, $"{number},{Day(issued.AddDays(600))},behindScheduleNoExtension,{c}/QĐ-BQL,{Day(issued.AddDays(610))}\n");
                ++written;
            }
        }
        var files = new List<string>();
        foreach (var (sheet, text) in new[] { ("investors", investors), ("certificates", certificates), ("amendments", amendments), ("inspections", inspections), ("revocations", revocations) })
        {
            var path = Path.Combine(folder, $"{sheet}.csv");
            File.WriteAllText(path, text.ToString());
            files.Add(path);
        }
        return [.. files];
    }
}
