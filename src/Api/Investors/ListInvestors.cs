using Investment.Domain.Common;
using Investment.Domain.Investors;

namespace Investment.Api.Investors;

public static class ListInvestors
{
    /// <param name="country">ISO 3166-1 alpha-2 code, such as JP.</param>
    /// <param name="sector">Only investors active in this sector (a sector name such as steelAndMetallurgy).</param>
    /// <param name="q">Part of the legal name; case and Vietnamese diacritics are ignored ("quang ngai" finds "Quảng Ngãi").</param>
    /// <param name="limit">Items per page, 1–200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page; omit for the first page.</param>
    public static async Task<Results<Ok<Page<Investor>>, ProblemHttpResult>> Handle(
        string? country, string? sector, string? q, [System.ComponentModel.DataAnnotations.Range(1, Paging.MaxLimit)] int? limit, string? cursor,
        IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Paging.CheckPlace(limit, cursor, out var take, out var after) is { } badPage) return badPage;
        if (q is { Length: > 200 }) return Problems.BadRequest("request.invalid_query", "q may be at most 200 characters.");

        var query = session.Query<InvestorDetails>().AsQueryable();
        if (after is (var position, var id))
            // Position >= serves the index; the id breaks a tie of instants.
            query = query.Where(x => x.Position >= position && (x.Position > position || x.Id.CompareTo(id) > 0));
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(x => x.Investor.Country == code);
        }
        if (QueryValues.Enum<Sector>(sector, "sector", out var s) is { } badSector) return badSector;
        if (s is { } wanted) query = query.Where(x => x.Investor.Sectors.Contains(wanted));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = SearchText.Fold(q);
            query = query.Where(x => x.SearchName.Contains(folded));
        }

        var rowsWanted = take + 1; // a plain local: an expression inside the query is compiled by Marten on every request
        var rows = await query.OrderBy(x => x.Position).ThenBy(x => x.Id).Take(rowsWanted).ToListAsync(ct);
        var page = Paging.Of(rows, take, x => new Place(x.Position, x.Id));
        return TypedResults.Ok(new Page<Investor>([.. page.Items.Select(x => x.Investor.For(user))], page.NextCursor));
    }
}
