using System.Globalization;
using System.Text;
using MiniExcelLibs;
using NodaTime;

namespace Investment.Api.Tests.Imports;

/// <summary>
/// A realistic existing register, generated from a seed (the same seed gives the same file): certificates issued from
/// 2006 to mid-2014 in USD and VND, with amendments (capital up and down, extensions, investors joining), inspections
/// (disbursed capital, jobs, milestones met) and revocations, each known to the old register some days after it
/// happened or, for some rows, with no known_since at all. Written as the template's workbook or as CSV sheets. The
/// figures a test expects are computed here from these records, independently of the product's report code.
/// </summary>
public sealed class Registry
{
    public sealed record Investor(string Name, string Country, string Sectors);
    public sealed record Certificate(string Number, string Project, IReadOnlyList<string> Investors, string Zone, string Sector, decimal Amount, string Currency,
        decimal? Rate, LocalDate IssuedOn, LocalDate? KnownSince, IReadOnlyList<(string Name, LocalDate Due)> Milestones, int Jobs)
    {
        public decimal Usd => Currency == "USD" ? Amount : Math.Round(Amount / Rate!.Value, 2, MidpointRounding.AwayFromZero);
        public LocalDate Known => KnownSince ?? IssuedOn;
    }
    public sealed record Amendment(string Certificate, int Number, LocalDate On, decimal? Amount, string? Currency, decimal? Rate, int ExtensionMonths,
        string? InvestorAdded, LocalDate? KnownSince)
    {
        public decimal Usd => Amount is not { } a ? 0m : Currency == "USD" ? a : Math.Round(a / Rate!.Value, 2, MidpointRounding.AwayFromZero);
        public LocalDate Known => KnownSince ?? On;
    }
    public sealed record Inspection(string Certificate, LocalDate On, string Progress, string? Met, decimal Disbursed, int Vietnamese, int Foreign, LocalDate? KnownSince)
    {
        public LocalDate Known => KnownSince ?? On;
    }
    public sealed record Revocation(string Certificate, LocalDate On, string Ground, string Decision, LocalDate? KnownSince)
    {
        public LocalDate Known => KnownSince ?? On;
    }

    public List<Investor> Investors { get; } = [];
    public List<Certificate> Certificates { get; } = [];
    public List<Amendment> Amendments { get; } = [];
    public List<Inspection> Inspections { get; } = [];
    public List<Revocation> Revocations { get; } = [];

    public int Rows => Investors.Count + Certificates.Count + Amendments.Count + Inspections.Count + Revocations.Count;

    /// <param name="last">No fact of the register is dated after it; none is known after <paramref name="knownBy"/>.</param>
    public static Registry Generate(int seed, int certificates, string prefix, IReadOnlyList<string> zones, LocalDate? last = null, LocalDate? knownBy = null)
    {
        var end = last ?? new LocalDate(2014, 6, 30);
        var latestKnown = knownBy ?? new LocalDate(2014, 7, 4);
        var random = new Random(seed);
        var registry = new Registry();
        string[] countries = ["JP", "KR", "SG", "TW", "VN", "US", "CN", "TH"];
        string[] sectors = ["heavyIndustry", "steelAndMetallurgy", "energy", "portAndLogistics", "supportingIndustries", "agroAndFoodProcessing", "tourismAndServices"];
        for (var i = 0; i < Math.Max(5, certificates / 3); i++)
            registry.Investors.Add(new Investor($"{prefix} Investor {i:000} Co., Ltd.", countries[random.Next(countries.Length)], sectors[random.Next(sectors.Length)]));

        LocalDate Lag(LocalDate from, int maxDays)
        {
            var known = from.PlusDays(random.Next(0, maxDays));
            return known > latestKnown ? latestKnown : known;
        }
        LocalDate? MaybeKnown(LocalDate at, LocalDate notBefore, int maxDays)
        {
            if (random.Next(10) == 0 && at >= notBefore) return null; // no known_since: the business date is used
            var known = Lag(at, maxDays);
            return known < notBefore ? notBefore : known;
        }
        var span = Period.Between(new LocalDate(2006, 1, 1), end, PeriodUnits.Days).Days;
        for (var c = 0; c < certificates; c++)
        {
            var issued = new LocalDate(2006, 1, 1).PlusDays(random.Next(span));
            var vnd = random.Next(5) == 0;
            var usd = random.Next(1_000, 500_000) * 1_000m + random.Next(100) / 100m;
            var rate = vnd ? 20_000m + random.Next(0, 1_500) : (decimal?)null;
            var investors = new List<string> { registry.Investors[random.Next(registry.Investors.Count)].Name };
            var milestones = new List<(string, LocalDate)> { ("Site clearance", issued.PlusMonths(6)), ("Operation", issued.PlusMonths(30)) };
            var certificate = new Certificate($"{prefix}{c:0000}", $"{prefix} project {c}", investors, zones[random.Next(zones.Count)],
                sectors[random.Next(sectors.Length)], vnd ? usd * rate!.Value : usd, vnd ? "VND" : "USD", rate, issued, null, milestones, random.Next(50, 3_000));
            certificate = certificate with { KnownSince = MaybeKnown(issued, issued, 40) };
            registry.Certificates.Add(certificate);

            var day = issued;
            var capital = certificate.Usd;
            var number = 0;
            var extension = 0;
            var lastKnown = certificate.Known;
            for (var step = 0; step < random.Next(0, 5); step++)
            {
                day = day.PlusDays(random.Next(30, 500));
                if (day > end) break;
                var inspect = random.Next(2) == 0;
                if (inspect)
                {
                    var met = day >= milestones[0].Item2 && random.Next(2) == 0 ? "Site clearance" : null;
                    var known = MaybeKnown(day, lastKnown, 60);
                    registry.Inspections.Add(new Inspection(certificate.Number, day, random.Next(3) switch { 0 => "delayed", 1 => "stalled", _ => "onSchedule" },
                        met, Math.Round(capital * random.Next(0, 60) / 100m, 2), random.Next(0, 900), random.Next(0, 40), known));
                    continue;
                }
                number++;
                var change = random.Next(4) switch
                {
                    0 => -Math.Round(capital * random.Next(5, 30) / 100m, 2),
                    1 => 0m,
                    _ => random.Next(1_000, 200_000) * 1_000m,
                };
                var months = change == 0m && extension < 24 ? Math.Min(24 - extension, random.Next(3, 12)) : 0;
                if (change == 0m && months == 0) change = 1_000_000m;
                extension += months;
                var amendmentVnd = change != 0m && random.Next(6) == 0;
                var amendmentRate = amendmentVnd ? 20_500m + random.Next(0, 1_000) : (decimal?)null;
                var added = random.Next(8) == 0 ? registry.Investors[random.Next(registry.Investors.Count)].Name : null;
                if (added is not null && investors.Contains(added)) added = null;
                if (added is not null) investors = [.. investors, added];
                var amendment = new Amendment(certificate.Number, number, day, change == 0m ? null : amendmentVnd ? change * amendmentRate!.Value : change,
                    change == 0m ? null : amendmentVnd ? "VND" : "USD", amendmentRate, months, added, MaybeKnown(day, lastKnown, 60));
                registry.Amendments.Add(amendment);
                capital += amendment.Usd;
                lastKnown = amendment.Known > lastKnown ? amendment.Known : lastKnown;
            }
            if (random.Next(9) == 0)
            {
                var on = day.PlusDays(random.Next(60, 400));
                if (on <= end)
                    registry.Revocations.Add(new Revocation(certificate.Number, on, "behindScheduleNoExtension", $"{c}/QĐ-BQL", MaybeKnown(on, lastKnown, 30)));
            }
        }
        return registry;
    }

    /// <summary>The sheets as rows of column → value: dates as date cells or as text (ISO or Vietnamese), amounts as numbers or text.</summary>
    public Dictionary<string, List<Dictionary<string, object?>>> Sheets(bool cells)
    {
        object? Date(LocalDate? date, bool vietnamese = false) => date is not { } d ? null
            : cells ? d.ToDateTimeUnspecified()
            : vietnamese ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object? Amount(decimal? amount) => amount is not { } a ? null : cells ? a : a.ToString("0.00", CultureInfo.InvariantCulture);
        return new()
        {
            ["investors"] = [.. Investors.Select(i => new Dictionary<string, object?> { ["name"] = i.Name, ["country"] = i.Country, ["sectors"] = i.Sectors })],
            ["certificates"] = [.. Certificates.Select((c, n) => new Dictionary<string, object?>
            {
                ["number"] = c.Number, ["project_name"] = c.Project, ["investors"] = string.Join(";", c.Investors), ["zone"] = c.Zone, ["sector"] = c.Sector,
                ["capital_amount"] = Amount(c.Amount), ["currency"] = c.Currency, ["usd_rate"] = Amount(c.Rate), ["rate_date"] = c.Rate is null ? null : Date(c.IssuedOn),
                ["land_area_ha"] = Amount(10m + n % 50), ["issued_on"] = Date(c.IssuedOn, vietnamese: n % 2 == 0), ["duration_years"] = cells ? 50 : "50",
                ["milestones"] = string.Join(";", c.Milestones.Select(m => $"{m.Name}={m.Due:yyyy-MM-dd}")), ["planned_jobs"] = cells ? c.Jobs : c.Jobs.ToString(CultureInfo.InvariantCulture),
                ["known_since"] = Date(c.KnownSince),
            })],
            ["amendments"] = [.. Amendments.Select(a => new Dictionary<string, object?>
            {
                ["certificate_number"] = a.Certificate, ["number"] = cells ? a.Number : a.Number.ToString(CultureInfo.InvariantCulture), ["on"] = Date(a.On),
                ["capital_change_amount"] = Amount(a.Amount), ["currency"] = a.Currency, ["usd_rate"] = Amount(a.Rate), ["rate_date"] = a.Rate is null ? null : Date(a.On),
                ["extension_months"] = a.ExtensionMonths == 0 ? null : a.ExtensionMonths.ToString(CultureInfo.InvariantCulture),
                ["investors_added"] = a.InvestorAdded, ["reason"] = "Amended as registered.", ["known_since"] = Date(a.KnownSince),
            })],
            ["inspections"] = [.. Inspections.Select(i => new Dictionary<string, object?>
            {
                ["certificate_number"] = i.Certificate, ["on"] = Date(i.On), ["progress"] = i.Progress, ["milestones_met"] = i.Met,
                ["disbursed_usd"] = Amount(i.Disbursed), ["employees_vietnamese"] = i.Vietnamese.ToString(CultureInfo.InvariantCulture),
                ["employees_foreign"] = i.Foreign.ToString(CultureInfo.InvariantCulture), ["findings"] = "As inspected.", ["known_since"] = Date(i.KnownSince),
            })],
            ["revocations"] = [.. Revocations.Select(r => new Dictionary<string, object?>
            {
                ["certificate_number"] = r.Certificate, ["on"] = Date(r.On), ["ground"] = r.Ground, ["decision"] = r.Decision, ["known_since"] = Date(r.KnownSince),
            })],
        };
    }

    public byte[] Workbook()
    {
        var sheets = Sheets(cells: true).ToDictionary(s => s.Key, s => (object)s.Value);
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The sheets as CSV text, separated by <paramref name="separator"/>, quoted where needed.</summary>
    public Dictionary<string, string> Csv(char separator = ',') => Sheets(cells: false).ToDictionary(s => s.Key, s => ToCsv(s.Value, separator));

    public static string ToCsv(IReadOnlyList<Dictionary<string, object?>> rows, char separator)
    {
        if (rows.Count == 0) return "";
        var text = new StringBuilder();
        string Quote(object? value)
        {
            var s = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            return s.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
        }
        text.AppendJoin(separator, rows[0].Keys).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(separator, row.Values.Select(Quote)).Append("\r\n");
        return text.ToString();
    }

    /// <summary>A zone's figures for a period as known at the end of a day, computed from the records alone.</summary>
    public sealed record Expected(int NewCertificates, decimal NewCapitalUsd, int CapitalIncreases, decimal CapitalAddedUsd, int CapitalReductions,
        decimal CapitalReducedUsd, int OtherAmendments, int Revocations)
    {
        public decimal AttractedUsd => NewCapitalUsd + CapitalAddedUsd - CapitalReducedUsd;
    }

    public Expected Figures(string zone, LocalDate from, LocalDate to, LocalDate asOf)
    {
        var inZone = Certificates.Where(c => c.Zone == zone).ToDictionary(c => c.Number);
        var issued = inZone.Values.Where(c => c.IssuedOn >= from && c.IssuedOn <= to && c.Known <= asOf).ToList();
        var amended = Amendments.Where(a => inZone.ContainsKey(a.Certificate) && a.On >= from && a.On <= to && a.Known <= asOf).ToList();
        var revoked = Revocations.Where(r => inZone.ContainsKey(r.Certificate) && r.On >= from && r.On <= to && r.Known <= asOf).ToList();
        return new Expected(issued.Count, issued.Sum(c => c.Usd),
            amended.Count(a => a.Usd > 0), amended.Where(a => a.Usd > 0).Sum(a => a.Usd),
            amended.Count(a => a.Usd < 0), -amended.Where(a => a.Usd < 0).Sum(a => a.Usd),
            amended.Count(a => a.Usd == 0), revoked.Count);
    }
}
