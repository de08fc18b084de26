using Investment.Domain.Common;
using Investment.Domain.Leads;

namespace Investment.Api.Leads;

public static class LeadCommand
{
    /// <summary>The write path of a command on a lead: decide on its state, record, and answer the lead as it is now.</summary>
    public static async Task<Results<Ok<Lead>, ProblemHttpResult>> Run(StreamCommandContext command, Guid id, Func<Lead, Recording, Decision> decide)
    {
        var written = await command.Decide<LeadDetails>(id, (details, now) => decide(details.Lead, now), LeadLookup.NotFound);
        return written.Problem is { } problem ? problem : TypedResults.Ok(written.Document!.Lead.AsOf(command.Clock.GetCurrentInstant()));
    }
}
