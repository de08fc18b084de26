using JasperFx.Events.Projections;

namespace Investment.Api.Leads;

public static class LeadsConfiguration
{
    public static void AddLeads(this StoreOptions options)
    {
        // Inline: an officer who logs a contact or moves a lead reads it back at once, from a desk or a phone.
        options.Projections.Add<LeadDetailsProjection>(ProjectionLifecycle.Inline, EventStoreSetup.Batching);
        // Async: the zone's pipeline is an aggregate partners look at; it may lag a moment behind the writes it counts,
        // and keeping it off the write path keeps logging a contact cheap.
        options.Projections.Add<PipelineEntryProjection>(ProjectionLifecycle.Async, EventStoreSetup.Batching);

        options.Schema.For<LeadDetails>().Index(x => x.Position).Index(x => x.Lead.Owner).Index(x => x.Lead.ZoneCode);
        // The contact log is read from the lead's own events (ContactLog, issue 18): no document per contact.
        // The pipeline is counted by PostgreSQL from columns (issue 18): a zone's leads opened in a period, by stage.
        const NpgsqlTypes.NpgsqlDbType integers = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer;
        options.Schema.For<PipelineEntry>().Duplicate(x => x.ZoneCode).Duplicate(x => x.OpenedDate, "date", NpgsqlTypes.NpgsqlDbType.Date)
            .Duplicate(x => x.StageOrder).Duplicate(x => x.FurthestOrder).Duplicate(x => x.EstimateUsd, "numeric", NpgsqlTypes.NpgsqlDbType.Numeric)
            .Duplicate(x => x.LeftStages, "integer[]", integers).Duplicate(x => x.LeftDays, "integer[]", integers);
    }
}
