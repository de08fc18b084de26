using Investment.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Leads;

/// <summary>
/// A lead as the zone's pipeline counts it, and nothing more: no names, no people. Partners read the pipeline, so this
/// read model holds no personal data by construction. Its moves between stages are the domain's (<see cref="Lead.Move"/>).
/// </summary>
/// <remarks>Loss (issue 14) is null unless the lead is lost; an entry stored before it reads null until the projection is rebuilt.</remarks>
public sealed record PipelineEntry(
    Guid Id, string ZoneCode, LocalDate OpenedOn, LeadStage Stage, decimal EstimateUsd, IReadOnlyList<StageStay> Stays, LeadLoss? Loss = null)
{
    public PipelineLead ToPipelineLead() => new(Stage, Pipeline.Furthest(Stays), EstimateUsd, Stays, Loss);

    public PipelineEntry Moved(IStageMove move) => this with { Stage = move.MovesTo, Stays = Lead.Move(Stays, move) };

    // The columns PostgreSQL counts a zone's pipeline from (issue 18: GetZonePipeline), computed from the entry each time it
    // is stored, so a rebuild recomputes them; not part of the document's JSON.

    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly OpenedDate => new(OpenedOn.Year, OpenedOn.Month, OpenedOn.Day);

    [System.Text.Json.Serialization.JsonIgnore]
    public int StageOrder => (int)Stage;

    [System.Text.Json.Serialization.JsonIgnore]
    public int FurthestOrder => (int)Pipeline.Furthest(Stays);

    /// <summary>The stages of the completed stays, in order; <see cref="LeftDays"/> holds their lengths.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int[] LeftStages => [.. Stays.Where(s => s.LeftOn is not null).Select(s => (int)s.Stage)];

    [System.Text.Json.Serialization.JsonIgnore]
    public int[] LeftDays => [.. Stays.Where(s => s.LeftOn is not null).Select(s => NodaTime.Period.DaysBetween(s.EnteredOn, s.LeftOn!.Value))];
}

public sealed partial class PipelineEntryProjection : SingleStreamProjection<PipelineEntry, Guid>
{
    public static PipelineEntry Create(IEvent<LeadOpened> e) =>
        new(e.Data.LeadId, e.Data.ZoneCode, e.Data.OpenedOn, LeadStage.Prospect, e.Data.EstimatedCapital.InUsd(), Lead.FirstStay(e.Data));

    public static PipelineEntry Apply(LeadStageChanged e, PipelineEntry entry) => entry.Moved(e);

    public static PipelineEntry Apply(LeadLost e, PipelineEntry entry) => entry.Moved(e) with { Loss = LeadLoss.Of(e) };

    public static PipelineEntry Apply(LeadReopened e, PipelineEntry entry) => entry.Moved(e) with { Loss = null };

    public static PipelineEntry Apply(LeadCertified e, PipelineEntry entry) => entry.Moved(e);

    public static PipelineEntry Apply(LeadEstimateRevised e, PipelineEntry entry) => entry with { EstimateUsd = e.Estimate.InUsd() };
}
