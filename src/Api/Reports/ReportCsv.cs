using System.Globalization;
using System.Text;
using Investment.Domain.Reports;
using Microsoft.Net.Http.Headers;

namespace Investment.Api.Reports;

/// <summary>
/// The report as CSV for the Department's spreadsheets: UTF-8 with a byte-order mark (so Excel shows Vietnamese
/// correctly), one row per fact, a section column to filter on, amounts in USD as plain decimals with a dot and two
/// decimals. Every amount is positive, its sign carried by the row's name: attracted = newCertificates + capitalAdded −
/// capitalReduced; revocations stand beside it. The detail rows follow the same convention (capitalReduction rows hold
/// the capital reduced), so a spreadsheet's SUMIF over a section gives its summary row.
/// </summary>
public static class ReportCsv
{
    /// <summary>comma (the default) or semicolon: the list separator of the reader's spreadsheet settings.</summary>
    public static ProblemHttpResult? Delimiter(string? text, out char delimiter)
    {
        delimiter = ',';
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "comma": return null;
            case "semicolon": delimiter = ';'; return null;
            default: return Problems.BadRequest("request.invalid_delimiter", "delimiter must be comma or semicolon.");
        }
    }

    /// <summary>
    /// With a semicolon between fields, decimals are written with a comma: the two go together in the regional settings
    /// that use them (Vietnamese Windows: list separator ';', decimal symbol ','), and a dot there would make Excel read
    /// an amount as text. With a comma between fields, a dot, as programs and English settings expect.
    /// </summary>
    public static byte[] Write(ZoneReport r, char delimiter = ',')
    {
        var csv = new StringBuilder();
        var decimalComma = delimiter == ';';
        void Row(params object?[] cells) => csv.Append(string.Join(delimiter, cells.Select(c => Cell(c, delimiter, decimalComma)))).Append("\r\n");

        Row("section", "item", "date", "certificate", "project", "country", "sector", "count", "amountUsd");
        Row("summary", "zone", null, null, null, null, null, null, r.ZoneCode);
        Row("summary", "period", $"{Iso(r.From)}..{Iso(r.To)}", null, null, null, null, null, null);
        Row("summary", "asKnownOn", r.AsOf is { } asOf ? Iso(asOf) : "now", null, null, null, null, null, null);
        Row("summary", "currentToPosition", null, null, r.Freshness?.Stale == true ? "stale" : null, null, null, r.Freshness?.CurrentToPosition, null);
        Row("summary", "countingRule", null, null, r.Rule.Code, null, null, null, null);
        Row("summary", "attracted", null, null, null, null, null, null, r.AttractedUsd);
        Row("summary", "targetMinimum", null, null, r.Target?.Decision, null, null, null, r.Target?.MinimumUsd);
        Row("summary", "targetMaximum", null, null, r.Target?.Decision, null, null, null, r.Target?.MaximumUsd);
        Row("summary", "position", null, null, Json.Name(r.Status.Position.ToString()), null, null, null, null);
        Row("summary", "stillNeeded", null, null, null, null, null, null, r.Status.StillNeededUsd);
        Row("summary", "newCertificates", null, null, null, null, null, r.NewCertificates.Count, r.NewCapitalUsd);
        Row("summary", "capitalAdded", null, null, null, null, null, r.CapitalIncreaseAmendments, r.CapitalAddedUsd);
        Row("summary", "capitalReduced", null, null, null, null, null, r.CapitalReductionAmendments, r.CapitalReducedUsd);
        Row("summary", "otherAmendments", null, null, null, null, null, r.OtherAmendments, null);
        Row("summary", "revocations", null, null, null, null, null, r.Revocations.Count, r.RevokedCapitalUsd);
        Row("summary", "registeredInForce", null, null, null, null, null, null, r.Realised.RegisteredUsd);
        Row("summary", "realised", null, null, null, null, null, null, r.Realised.RealisedUsd);
        Row("summary", "realisationRate", null, null, null, null, null, r.Realised.RealisationRate, null); // a ratio, not USD: in the count column
        Row("summary", "realisedInPeriod", null, null, null, null, null, null, r.Realised.RealisedInPeriodUsd);
        Row("summary", "jobsPlanned", null, null, null, null, null, r.Jobs.PlannedEmployees, null);
        Row("summary", "jobsPlannedInPeriod", null, null, null, null, null, r.Jobs.PlannedInPeriod, null);
        Row("summary", "employeesVietnamese", null, null, null, null, null, r.Jobs.VietnameseEmployees, null);
        Row("summary", "employeesForeign", null, null, null, null, null, r.Jobs.ForeignEmployees, null);
        Row("summary", "leadsOpened", null, null, null, null, null, r.Leads.Opened, null);
        Row("summary", "leadsCertified", null, null, null, null, null, r.Leads.Certified, null);
        Row("summary", "leadsLost", null, null, null, null, null, r.Leads.Lost, null);
        Row("summary", "contactsLogged", null, null, null, null, null, r.Leads.ContactsLogged, null);
        if (r.Leads.ResponseTime is { } response)
        {
            Row("summary", "responseStandardWorkingDays", null, null, null, null, null, response.StandardWorkingDays, null);
            Row("summary", "leadsAnswered", null, null, null, null, null, response.Answered, null);
            Row("summary", "leadsAnsweredWithinStandard", null, null, null, null, null, response.AnsweredWithinStandard, null);
            Row("summary", "leadsOverdue", null, null, null, null, null, response.Overdue, null);
        }
        foreach (var l in r.Leads.LostBy?.ByReason ?? []) Row("leadsLostByReason", Json.Name(l.Reason.ToString()), null, null, null, null, null, l.Leads, l.EstimatedCapitalUsd);
        foreach (var l in r.Leads.LostBy?.ToCountries ?? []) Row("leadsLostToCountry", null, null, null, null, l.LostTo, null, l.Leads, l.EstimatedCapitalUsd);
        foreach (var l in r.Leads.LostBy?.ToZones ?? []) Row("leadsLostToZone", l.LostTo, null, null, null, null, null, l.Leads, l.EstimatedCapitalUsd);
        foreach (var o in r.Leads.ResponseByOfficer ?? [])
            Row("responseByOfficer", o.Officer, null, null, null, null, null, o.Figures.AnsweredWithinStandard, null);
        foreach (var m in r.NewCertificates) Row("newCertificate", null, Iso(m.On), m.CertificateNumber, m.ProjectName, m.Country, Json.Name(m.Sector.ToString()), null, m.AmountUsd);
        foreach (var m in r.Amendments)
            Row(Json.Name(m.Kind.ToString()), m.AmendmentNumber, Iso(m.On), m.CertificateNumber, m.ProjectName, m.Country, Json.Name(m.Sector.ToString()), null,
                m.Kind == MovementKind.OtherAmendment ? null : Math.Abs(m.AmountUsd));
        foreach (var m in r.Revocations) Row("revocation", null, Iso(m.On), m.CertificateNumber, m.ProjectName, m.Country, Json.Name(m.Sector.ToString()), null, m.AmountUsd);
        foreach (var c in r.ByCountry) Row("byCountry", null, null, null, null, c.Country, null, c.NewCertificates, c.AttractedUsd);
        foreach (var s in r.BySector) Row("bySector", null, null, null, null, null, Json.Name(s.Sector.ToString()), s.NewCertificates, s.AttractedUsd);

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Iso(LocalDate date) => QueryValues.Iso(date);

    /// <summary>RFC 4180: quote a cell holding the delimiter, a quote or a line break; double the quotes inside.</summary>
    private static string Cell(object? value, char delimiter, bool decimalComma)
    {
        var text = value switch
        {
            null => "",
            decimal d => decimalComma ? d.ToString(CultureInfo.InvariantCulture).Replace('.', ',') : d.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Text starting with = + - @ (or a tab or CR) would run as a formula in Excel: a leading quote keeps it text.
        // Numbers are left alone, so that a negative amount stays a number.
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return text.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
