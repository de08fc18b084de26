using Investment.Api.Investors;
using Investment.Api.Zones;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Investment.Domain.Zones;

namespace Investment.Api.Leads;

public static class OpenLead
{
    /// <param name="Owner">The owning officer (a token subject); the caller when omitted.</param>
    /// <param name="OpenedOn">The business date the lead was opened; today in Vietnam when omitted.</param>
    public sealed record Request(
        Guid InvestorId, string Zone, string ProjectName, Sector Sector, Money EstimatedCapital, LeadSource Source,
        string? Owner = null, LocalDate? OpenedOn = null);

    public static readonly Request Example = new(Guid.Parse("0190f4a2-7c1e-7d3a-9b1f-4e2d8c6a5b10"), "dung-quat",
        "Doosan heavy industries plant, phase 2 (28 ha)", Sector.HeavyIndustry, Money.Usd(150_000_000.00m), LeadSource.TradeMission,
        "officer.nguyen", new LocalDate(2014, 3, 12));

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.InvestorId).NotEmpty();
            RuleFor(x => x.Zone).NotEmpty().MaximumLength(50);
            RuleFor(x => x.ProjectName).NotEmpty().MaximumLength(300).Must(Text.HasNoControlCharacters)
                .Must(Text.HasALetter).WithMessage("projectName must contain at least one letter.");
            RuleFor(x => x.EstimatedCapital).SetValidator(new MoneyValidator());
            RuleFor(x => x.Owner).MaximumLength(100).Must(Text.HasNoControlCharacters);
        }
    }

    public static async Task<Results<Created<Lead>, ProblemHttpResult>> Handle(Request request, [AsParameters] CommandContext command)
    {
        var (session, ct) = (command.Session, command.Cancelled);
        if (await session.LoadAsync<InvestorDetails>(request.InvestorId, ct) is not { } investor)
            return Problems.Unprocessable("lead.investor_unknown", $"investorId {request.InvestorId} names no registered investor; register it first.");
        if (await session.LoadAsync<ZoneDetails>(ZoneCatalogue.IdOf(request.Zone.Trim()), ct) is null)
            return Problems.Unprocessable("lead.zone_unknown", $"zone '{request.Zone}' is not a zone code; GET /api/v1/zones lists them.");

        var now = command.Recording();
        var id = StreamIds.New();
        var decision = LeadDecider.Open(new LeadDecider.OpenLead(id, investor.Id, investor.Investor.LegalName, investor.Investor.Country,
            request.Zone.Trim(), request.ProjectName, request.Sector, request.EstimatedCapital, request.Source, request.Owner ?? now.By, request.OpenedOn), now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        session.Events.StartStream<LeadDetails>(id, [.. decision.Events]);
        await session.SaveChangesAsync(ct);
        var lead = (await session.LoadAsync<LeadDetails>(id, ct))!;
        ETags.Set(command.Http, lead.Version);
        return TypedResults.Created(LeadLookup.Location(id), lead.Lead.AsOf(now.At));
    }
}
