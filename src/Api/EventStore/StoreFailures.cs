namespace Investment.Api.EventStore;

/// <summary>The event store's failures as answers: conflicts a handler did not expect, and outages.</summary>
public sealed class StoreFailures : IFailureMapping
{
    public (int Status, string Code, string Detail)? Map(Exception exception) => exception switch
    {
        // Safety nets: a handler that did not expect a concurrent write still answers 409, never 500.
        JasperFx.ConcurrencyException => (StatusCodes.Status409Conflict, "concurrency.conflict",
            "Another change to this resource was saved at the same moment; nothing of this request was saved. Read it again and retry."),
        JasperFx.DocumentAlreadyExistsException => (StatusCodes.Status409Conflict, "resource.conflict",
            "Something with the same identity was saved at the same moment; nothing of this request was saved. Read again and retry."),
        _ when DatabaseConnection.IsUnreachable(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "database.unavailable", "The database cannot be reached right now; nothing was saved. Retry later."),
        _ => null,
    };
}
