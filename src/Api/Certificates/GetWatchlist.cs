using Investment.Domain.Certificates;
using Investment.Domain.Common;

namespace Investment.Api.Certificates;

/// <summary>One certificate to review, and every reason why, as of the date asked.</summary>
public sealed record WatchEntry(Guid CertificateId, string Number, string ProjectName, string ZoneCode, CertificateStatus Status, IReadOnlyList<WatchReason> Reasons);

/// <param name="AsOf">The business date the list is computed for (Vietnam's calendar).</param>
public sealed record RevocationWatchlist(LocalDate AsOf, IReadOnlyList<WatchEntry> Entries);

public static class GetWatchlist
{
    /// <param name="asOf">The date to compute the list for (2014-07-05); today in Vietnam when omitted.</param>
    /// <param name="zone">Only certificates in this zone.</param>
    public static async Task<Results<Ok<RevocationWatchlist>, ProblemHttpResult>> Handle(
        string? asOf, string? zone, IQuerySession session, IClock clock, CancellationToken ct)
    {
        if (QueryValues.Date(asOf, "asOf", out var date) is { } badDate) return badDate;
        var day = date ?? VietnamCalendar.Today(clock.GetCurrentInstant());

        var query = session.Query<CertificateDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(zone)) query = query.Where(x => x.Certificate.ZoneCode == zone.Trim());
        var certificates = await query.ToListAsync(ct);

        var entries = certificates
            .Select(d => (Certificate: d.Certificate, Reasons: Watchlist.Reasons(d.Certificate, day)))
            .Where(x => x.Reasons.Count > 0)
            .OrderBy(x => x.Reasons.Min(r => r.CrossedOn)).ThenBy(x => x.Certificate.Number, StringComparer.Ordinal)
            .Select(x => new WatchEntry(x.Certificate.Id, x.Certificate.Number, x.Certificate.ProjectName, x.Certificate.ZoneCode,
                x.Certificate.AsOf(day).Status, x.Reasons))
            .ToList();
        return TypedResults.Ok(new RevocationWatchlist(day, entries));
    }
}
