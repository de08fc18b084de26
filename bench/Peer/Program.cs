using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Investment.Bench.Peer;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The CRUD peer of issue 18: log a contact, issue a certificate, get a lead, target progress (a live SUM) and a register
// page, written the way a team would write them with EF Core: load, validate, change the tracked rows, SaveChanges.
// The same JWT rules (issuer, audience, signing key, "sub" and "role" claims), the same JSON (camelCase, enums as
// camelCase strings, amounts as decimal strings, strict reading) and the same validation rules as the API.
// `setup` creates its schema and copies the benchmark's business data into it from the event store's events.
var builder = WebApplication.CreateBuilder(args);
var connection = builder.Configuration.GetConnectionString("Peer") ?? throw new InvalidOperationException("ConnectionStrings:Peer is not set.");
builder.Services.AddDbContextPool<PeerDb>(o => o.UseNpgsql(connection).UseSnakeCaseNamingConvention());
builder.Services.ConfigureHttpJsonOptions(o => PeerJson.Configure(o.SerializerOptions));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
{
    o.MapInboundClaims = false;
    o.TokenValidationParameters.NameClaimType = "sub";
    o.TokenValidationParameters.RoleClaimType = "role";
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("officer", p => p.RequireRole("officer", "admin"))
    .AddPolicy("reader", p => p.RequireRole("officer", "partner", "admin"));
builder.Services.AddSingleton<IValidator<ContactRequest>, ContactRequest.Validator>();
builder.Services.AddSingleton<IValidator<CertificateRequest>, CertificateRequest.Validator>();
builder.Services.AddProblemDetails();

if (args.Contains("setup"))
{
    await Setup.Run(connection);
    return;
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health/ping", () => "pong");
var api = app.MapGroup("/api/v1");

api.MapPost("/leads/{id:guid}/contacts", async (Guid id, ContactRequest request, IValidator<ContactRequest> validator, PeerDb db, ClaimsPrincipal user) =>
{
    if (validator.Validate(request) is { IsValid: false } invalid) return Results.ValidationProblem(invalid.ToDictionary());
    var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id);
    if (lead is null) return Results.Problem(statusCode: 404, title: "No such lead", extensions: new Dictionary<string, object?> { ["code"] = "lead.not_found" });
    if (lead.Stage is "lost" or "certified")
        return Results.Problem(statusCode: 409, title: "The lead is closed", extensions: new Dictionary<string, object?> { ["code"] = "lead.closed" });
    var contact = new Contact
    {
        Id = Guid.CreateVersion7(), LeadId = id, OccurredAt = request.OccurredAt!.Value.ToUniversalTime(), Channel = request.Channel,
        Officers = [.. request.Officers ?? []], InvestorPeople = [.. request.InvestorPeople ?? []], Summary = request.Summary,
        NextStep = request.NextStep, FollowUpOn = request.FollowUpOn, LoggedBy = user.FindFirstValue("sub")!, LoggedAt = DateTimeOffset.UtcNow,
    };
    db.Contacts.Add(contact);
    // The lead's last contact and next follow-up are those of its latest contact.
    if (lead.LastContactAt is null || contact.OccurredAt >= lead.LastContactAt)
    {
        lead.LastContactAt = contact.OccurredAt;
        lead.NextFollowUpOn = contact.FollowUpOn;
    }
    lead.Version++;
    try
    {
        await db.SaveChangesAsync();
    }
    catch (DbUpdateConcurrencyException)
    {
        return Results.Problem(statusCode: 409, title: "Changed meanwhile", extensions: new Dictionary<string, object?> { ["code"] = "concurrency.conflict" });
    }
    return Results.Created($"/api/v1/leads/{id}/contacts/{contact.Id}", contact);
}).RequireAuthorization("officer");

api.MapGet("/leads/{id:guid}", async (Guid id, PeerDb db, HttpContext http) =>
{
    var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id);
    if (lead is null) return Results.Problem(statusCode: 404, title: "No such lead");
    http.Response.Headers.ETag = $"\"{lead.Version}\"";
    return Results.Ok(lead);
}).RequireAuthorization("officer");

api.MapPost("/certificates", async (CertificateRequest request, IValidator<CertificateRequest> validator, PeerDb db) =>
{
    if (validator.Validate(request) is { IsValid: false } invalid) return Results.ValidationProblem(invalid.ToDictionary());
    var ids = request.InvestorIds.ToList();
    var investors = await db.Investors.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync();
    if (ids.Except(investors.Select(i => i.Id)).Any())
        return Results.Problem(statusCode: 422, title: "Unknown investor", extensions: new Dictionary<string, object?> { ["code"] = "certificate.investor_unknown" });
    if (!Setup.Zones.Contains(request.Zone.Trim()))
        return Results.Problem(statusCode: 422, title: "Unknown zone", extensions: new Dictionary<string, object?> { ["code"] = "certificate.zone_unknown" });
    var number = request.Number.Trim();
    if (await db.Certificates.AnyAsync(c => c.Number == number))
        return Results.Problem(statusCode: 409, title: "Number taken", extensions: new Dictionary<string, object?> { ["code"] = "certificate.duplicate" });
    var id = Guid.CreateVersion7();
    var certificate = new Certificate
    {
        Id = id, Number = number, ProjectName = request.ProjectName, ZoneCode = request.Zone.Trim(), Sector = request.Sector,
        CapitalAmount = request.Capital.Amount, CapitalCurrency = request.Capital.Currency, CapitalUsd = request.Capital.InUsd(),
        LandAreaHectares = request.LandAreaHectares, IssuedOn = request.IssuedOn, DurationYears = request.DurationYears, Status = "active",
        LeadId = request.LeadId, PlannedEmployees = request.PlannedEmployees, Version = 1,
        Investors = [.. ids.Select(i => investors.Single(x => x.Id == i)).Select(i => new CertificateInvestor { InvestorId = i.Id, Name = i.LegalName, Country = i.Country })],
        Schedule = [.. (request.Schedule ?? []).Select(m => new Milestone { Name = m.Name.Trim(), Due = m.Due })],
    };
    db.Certificates.Add(certificate);
    try
    {
        await db.SaveChangesAsync();
    }
    catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
    {
        return Results.Problem(statusCode: 409, title: "Number taken", extensions: new Dictionary<string, object?> { ["code"] = "certificate.duplicate" });
    }
    return Results.Created($"/api/v1/certificates/{id}", certificate);
}).RequireAuthorization("officer");

api.MapGet("/certificates/{id:guid}", async (Guid id, PeerDb db, HttpContext http) =>
{
    var certificate = await db.Certificates.AsNoTracking().Include(c => c.Investors).Include(c => c.Schedule).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id);
    if (certificate is null) return Results.Problem(statusCode: 404, title: "No such certificate");
    http.Response.Headers.ETag = $"\"{certificate.Version}\"";
    return Results.Ok(certificate);
}).RequireAuthorization("reader");

// The register page: a zone's certificates with their investors, 50 at a time, paged by id.
api.MapGet("/certificates", async (string? zone, int? limit, Guid? after, PeerDb db) =>
{
    var take = Math.Clamp(limit ?? 50, 1, 200);
    var query = db.Certificates.AsNoTracking().Include(c => c.Investors).Where(c => zone == null || c.ZoneCode == zone);
    if (after is { } cursor) query = query.Where(c => c.Id.CompareTo(cursor) > 0);
    var items = await query.OrderBy(c => c.Id).Take(take).AsSplitQuery().ToListAsync();
    return Results.Ok(new { items, nextCursor = items.Count == take ? items[^1].Id : (Guid?)null });
}).RequireAuthorization("reader");

// Target progress, live: the registered capital of the year's new certificates plus the year's amendments, summed by
// PostgreSQL at every request, beside the zone's target. One statement (its columns snake_case, as the naming convention reads them).
api.MapGet("/zones/{code}/progress/{year:int}", async (string code, int year, PeerDb db) =>
{
    var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
    var row = await db.Database.SqlQuery<ProgressRow>($"""
        select (select coalesce(sum(c.capital_usd), 0) from peer.certificates c where c.zone_code = {code} and c.issued_on >= {from} and c.issued_on < {to})
             + (select coalesce(sum(a.capital_change_usd), 0) from peer.amendments a join peer.certificates c on c.id = a.certificate_id
                where c.zone_code = {code} and a."on" >= {from} and a."on" < {to}) as attracted_usd,
               t.minimum_usd, t.maximum_usd
        from (select 1) one left join peer.targets t on t.zone_code = {code} and t.year = {year}
        """).SingleAsync();
    return Results.Ok(new { zone = code, year, row.AttractedUsd, row.MinimumUsd, row.MaximumUsd });
}).RequireAuthorization("reader");

app.Run();
