using Investment.Api.Investors;
using Investment.Api.Leads;
using Investment.Api.Zones;
using Investment.Domain.Certificates;
using Investment.Domain.Common;
using Investment.Domain.Investors;
using Investment.Domain.Leads;
using Investment.Domain.Zones;
using JasperFx;

namespace Investment.Api.Certificates;

public static class IssueCertificate
{
    /// <param name="InvestorIds">The registered investors, one or more.</param>
    /// <param name="Capital">The registered investment capital (USD; VND with its exchange rate and date).</param>
    /// <param name="Schedule">The implementation schedule: named milestones with due dates.</param>
    /// <param name="LeadId">The lead this certificate came from: it moves to certified.</param>
    /// <param name="PlannedEmployees">The number of employees the project plans (lao động), where the certificate states it.</param>
    public sealed record Request(
        string Number, string ProjectName, IReadOnlyList<Guid> InvestorIds, string Zone, Sector Sector, Money Capital,
        decimal LandAreaHectares, LocalDate IssuedOn, int DurationYears, IReadOnlyList<Milestone>? Schedule = null, Guid? LeadId = null,
        int? PlannedEmployees = null);

    public static readonly Request Example = new("341043000012", "Doosan heavy industries plant, phase 2",
        [Guid.Parse("0190f4a2-7c1e-7d3a-9b1f-4e2d8c6a5b10")], "dung-quat", Sector.HeavyIndustry, Money.Usd(150_000_000.00m), 28m,
        new LocalDate(2014, 6, 20), 50, [new Milestone("Site clearance", new LocalDate(2014, 12, 31)), new Milestone("Operation", new LocalDate(2016, 6, 30))]);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Number).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9./ -]+$")
                .WithMessage("number may hold letters, digits, dots, slashes, dashes and spaces.");
            RuleFor(x => x.ProjectName).NotEmpty().MaximumLength(300).Must(Text.HasNoControlCharacters)
                .Must(Text.HasALetter).WithMessage("projectName must contain at least one letter.");
            RuleFor(x => x.InvestorIds).NotEmpty().MaxItems(20)
                .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("investorIds must list different investors.");
            RuleFor(x => x.Zone).NotEmpty().MaximumLength(50);
            RuleFor(x => x.Capital).SetValidator(new MoneyValidator());
            RuleFor(x => x.LandAreaHectares).InclusiveBetween(0m, 100_000m).PrecisionScale(12, 4, ignoreTrailingZeros: true);
            RuleFor(x => x.DurationYears).InclusiveBetween(1, 70);
            RuleFor(x => x.PlannedEmployees).InclusiveBetween(0, 1_000_000);
            RuleFor(x => x.Schedule).MaxItems(MilestonesValidator.MaxMilestones).SetValidator(new MilestonesValidator()!).When(x => x.Schedule is not null);
        }
    }

    [ReadsIdempotencyKeyWithItsFetch]
    public static async Task<Results<Created<Certificate>, ProblemHttpResult>> Handle(Request request, [AsParameters] CommandContext command)
    {
        var (session, user, ct) = (command.Session, command.User, command.Cancelled);
        // The investors, the zone and the number's owner, if any, in one round trip.
        var lookups = session.CreateBatchQuery();
        var investorsLoaded = lookups.LoadMany<InvestorDetails>().ById<Guid>([.. request.InvestorIds]);
        var zoneLoaded = lookups.Load<ZoneDetails>(ZoneCatalogue.IdOf(request.Zone.Trim()));
        var numberTaken = lookups.Query<CertificateDetails>().FirstOrDefault(CertificateLookup.Numbered(request.Number));
        var remembered = IdempotencyKeys.Join(command.Http, lookups); // a retry's key, in the same round trip
        await lookups.Execute(ct);
        await IdempotencyKeys.Check(remembered);

        var investors = await investorsLoaded;
        if (request.InvestorIds.Except(investors.Select(i => i.Id)).ToList() is [_, ..] missing)
            return Problems.Unprocessable("certificate.investor_unknown", $"investorIds name no registered investor: {string.Join(", ", missing)}.");
        if (await zoneLoaded is null)
            return Problems.Unprocessable("certificate.zone_unknown", $"zone '{request.Zone}' is not a zone code; GET /api/v1/zones lists them.");
        if (await numberTaken is { } taken) return CertificateLookup.NumberTaken(taken);

        var now = command.Recording();
        var id = StreamIds.New();
        var decision = CertificateDecider.Issue(new CertificateDecider.IssueCertificate(id, request.Number, request.ProjectName,
            [.. request.InvestorIds.Select(i => investors.Single(x => x.Id == i)).Select(i => new CertificateInvestor(i.Id, i.Investor.LegalName, i.Investor.Country))],
            request.Zone.Trim(), request.Sector, request.Capital, request.LandAreaHectares, request.IssuedOn, request.DurationYears, request.Schedule ?? [],
            request.LeadId, request.PlannedEmployees), now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);
        if (request.LeadId is { } leadId && await CertifyLead(session, leadId, id, request, now, ct) is { } leadProblem) return leadProblem;

        // The read model the inline projection stores, built by its own function from the event: no read-back. Known before
        // the save, it is the answer an Idempotency-Key keeps, saved with the write (one commit, issue 18).
        var details = CertificateDetails.Issued(decision.Events.OfType<CertificateIssued>().Single(), decision.Events.Count);
        var certificate = details.Certificate.For(user);
        ETags.Set(command.Http, details.Version);
        IdempotencyKeys.AnswerWithTheWrite(command.Http, session, StatusCodes.Status201Created, CertificateLookup.Location(id), certificate);
        try
        {
            if (request.LeadId is null && decision.Events.Count == 1)
            {
                // A certificate alone is started by the API's own statement (issue 18): the stream's row, its event, the
                // document with its register and watchlist columns, and the key's answer in one round trip and one commit,
                // where Marten's save took a transaction of its own (BEGIN, its append function, the upsert, COMMIT).
                var start = AppendStatement.Start(session, id, [.. decision.Events]);
                await start.Storing(details).Answering(IdempotencyKeys.TakeAnswer(command.Http, session)).ExecuteAsync(session, ct);
                ProjectionFreshness.SetWritePosition(command.Http, start.Events[^1].Sequence);
            }
            else
            {
                // With its lead (two streams in one transaction), by Marten's save.
                session.Events.StartStream<CertificateDetails>(id, [.. decision.Events]);
                await session.SaveChangesAsync(ct);
            }
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType != typeof(IdempotencyRecord))
        {
            // Another certificate with this number was saved between our check and our save.
            ETags.Clear(command.Http);
            return await session.FindNumber(request.Number, ct) is { } raced ? CertificateLookup.NumberTaken(raced) : Problems.ConcurrentChange();
        }
        catch (ConcurrencyException)
        {
            ETags.Clear(command.Http);
            return Problems.ConcurrentChange(); // the lead changed meanwhile; nothing was saved
        }
        return TypedResults.Created(CertificateLookup.Location(id), certificate);
    }

    /// <summary>The lead the certificate came from moves to certified, in the same transaction.</summary>
    private static async Task<ProblemHttpResult?> CertifyLead(IDocumentSession session, Guid leadId, Guid certificateId, Request request, Recording now, CancellationToken ct)
    {
        var lead = await session.Events.FetchForWriting<LeadDetails>(leadId, ct);
        if (lead.Aggregate?.Lead is not { } details)
            return Problems.Unprocessable("certificate.lead_unknown", $"leadId {leadId} names no lead.");
        if (details.ZoneCode != request.Zone.Trim())
            return Problems.Conflict(new Refusal("certificate.lead_mismatch",
                $"Lead {leadId} is a project in zone {details.ZoneCode}, not in {request.Zone.Trim()}."));
        if (!request.InvestorIds.Contains(details.InvestorId))
            return Problems.Conflict(new Refusal("certificate.lead_mismatch",
                $"Lead {leadId} is a project of investor {details.InvestorId}, who is not among the certificate's investors."));
        var certified = LeadDecider.Certify(details, certificateId, request.Number.Trim(), request.IssuedOn, now);
        if (certified.Refusal is { } refusal) return Problems.Refused(refusal);
        lead.AppendMany([.. certified.Events]);
        return null;
    }
}

/// <summary>A schedule: at most 50 milestones, each named once, with a name of up to 200 characters.</summary>
public sealed class MilestonesValidator : AbstractValidator<IReadOnlyList<Milestone>>
{
    public const int MaxMilestones = 50;

    public MilestonesValidator()
    {
        RuleFor(m => m).Must(m => m.Count <= MaxMilestones).WithMessage($"A schedule has at most {MaxMilestones} milestones.")
            .Must(m => m.All(x => x is not null)).WithMessage("A schedule may not hold null.")
            .Must(m => m.Where(x => x is not null).Select(x => x.Name?.Trim()).Distinct(StringComparer.Ordinal).Count() == m.Count(x => x is not null))
            .WithMessage("Each milestone is named once.");
        RuleForEach(m => m).ChildRules(m => m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200).Must(Text.HasNoControlCharacters)).When(m => m is not null);
    }
}
