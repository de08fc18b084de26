using Investment.Domain.Common;
using JasperFx;

namespace Investment.Api.EventStore;

/// <summary>A read model that carries its stream's version: the ETag.</summary>
public interface IVersioned
{
    long Version { get; }
}

/// <summary>
/// What a write to an existing stream gave: the read model after it, or the problem to answer; and the events it
/// appended, saved, with their version and global sequence (an answer built from them needs no second round trip).
/// </summary>
public sealed record Written<T>(T? Document, ProblemHttpResult? Problem)
{
    public IReadOnlyList<JasperFx.Events.IEvent> Appended { get; init; } = [];
}

/// <summary>
/// The write path every command on an existing stream follows (style.md): load with FetchForWriting, check If-Match
/// against the stream version, decide, append, save, and read the inline read model back. A decision that records
/// nothing answers the current state, so a retried command changes nothing.
/// </summary>
public static class StreamWrite
{
    /// <param name="readBack">False when the caller answers something else than this read model: the save is then not
    /// followed by a second round trip, and the ETag is the version the save gives the last appended event.</param>
    /// <param name="beforeSave">With readBack false: called with the appended events once the ETag is set, right before
    /// the save, for an answer that goes into the same transaction (<see cref="IdempotencyKeys.AnswerWithTheWrite"/>).</param>
    public static async Task<Written<T>> Decide<T>(
        IDocumentSession session, HttpContext http, Guid id, string? ifMatch,
        Func<T, Task<Decision>> decide, Func<Guid, ProblemHttpResult> notFound, CancellationToken ct, bool readBack = true,
        Action<IReadOnlyList<JasperFx.Events.IEvent>>? beforeSave = null, Projector<T>? project = null)
        where T : class, IVersioned
    {
        if (project is not null) return await DecideAndAppendOwn(session, http, id, ifMatch, decide, notFound, project, beforeSave, ct);
        var stream = await Fetch<T>(session, http, id, ct);
        if (!ETags.TryParseIfMatch(ifMatch, out var expected)) return new(null, ETags.InvalidIfMatch());
        if (stream.Aggregate is not { } current) return new(null, notFound(id));
        if (expected is not null && expected != stream.CurrentVersion) return new(null, Problems.Stale(stream.CurrentVersion ?? 0));

        var decision = await decide(current);
        if (decision.Refusal is { } refusal) return new(null, Problems.Refused(refusal));
        IReadOnlyList<JasperFx.Events.IEvent> appended = [];
        if (decision.Events.Count > 0)
        {
            var versionRead = stream.CurrentVersion ?? 0;
            stream.AppendMany([.. decision.Events]);
            appended = [.. stream.Events]; // the same objects the save numbers (their global sequence comes back with it)
            if (!readBack && beforeSave is not null)
            {
                // FetchForWriting checks at the save that the stream is still at the version it read: the append's
                // versions are known now.
                ETags.Set(http, versionRead + appended.Count);
                beforeSave(appended);
            }
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (ConcurrencyException)
            {
                // Another write landed between our read and our save: nothing of ours was saved.
                ETags.Clear(http);
                return new(null, Problems.ConcurrentChange());
            }
            if (!readBack)
            {
                // The saved events carry their own versions; the stream's CurrentVersion already counts the append.
                ETags.Set(http, appended[^1].Version);
                return new(current, null) { Appended = appended };
            }
            current = (await session.LoadAsync<T>(id, ct))!;
        }
        ETags.Set(http, current.Version);
        return new(current, null) { Appended = appended };
    }

    /// <summary>
    /// The append by <see cref="AppendStatement"/>: the read model is folded here, by its projection's own function, from the
    /// read model as loaded and the new events, and stored by the same statement, with the answer an Idempotency-Key keeps;
    /// the stream's version is checked by the statement itself. No read-back: the answer is the folded document, the ETag
    /// the last event's version, and the Event-Position its sequence, which the statement reads back from the insert.
    /// </summary>
    /// <remarks>
    /// The version read is the read model's own (<see cref="IVersioned"/>: the inline projection stores every event's version
    /// in it), so the stream row is not selected beside it: one statement less per write. A read model behind its stream
    /// could only make the append refuse (409), never write at a wrong version: the statement checks the stream's row.
    /// </remarks>
    private static async Task<Written<T>> DecideAndAppendOwn<T>(IDocumentSession session, HttpContext http, Guid id, string? ifMatch,
        Func<T, Task<Decision>> decide, Func<Guid, ProblemHttpResult> notFound, Projector<T> project,
        Action<IReadOnlyList<JasperFx.Events.IEvent>>? beforeSave, CancellationToken ct)
        where T : class, IVersioned
    {
        var loaded = await Load<T>(session, http, id, ct);
        if (!ETags.TryParseIfMatch(ifMatch, out var expected)) return new(null, ETags.InvalidIfMatch());
        if (loaded is not { } current) return new(null, notFound(id));
        if (expected is not null && expected != current.Version) return new(null, Problems.Stale(current.Version));

        var decision = await decide(current);
        if (decision.Refusal is { } refusal) return new(null, Problems.Refused(refusal));
        if (decision.Events.Count == 0)
        {
            ETags.Set(http, current.Version);
            return new(current, null);
        }
        var append = AppendStatement.For(session, id, current.Version, decision.Events);
        var appended = append.Events;
        var after = current;
        foreach (var e in appended) after = await project(after, e, ct) ?? after;
        ETags.Set(http, appended[^1].Version);
        beforeSave?.Invoke(appended);
        try
        {
            // The answer an Idempotency-Key keeps goes into the statement; nothing else may be waiting in the session,
            // which this write does not save.
            await append.Storing(after).Answering(IdempotencyKeys.TakeAnswer(http, session)).ExecuteAsync(session, ct);
        }
        catch (ConcurrencyException)
        {
            // Another write landed between our read and our save: nothing of ours was saved.
            ETags.Clear(http);
            return new(null, Problems.ConcurrentChange());
        }
        ProjectionFreshness.SetWritePosition(http, appended[^1].Sequence);
        return new(after, null) { Appended = appended };
    }

    /// <summary>
    /// The stream to write, and with it, in the same round trip, the record of the request's Idempotency-Key when the
    /// handler reads it (<see cref="ReadsIdempotencyKeyWithItsFetchAttribute"/>): a key used before stops here, before
    /// anything is decided (issue 18: one round trip less).
    /// </summary>
    private static async Task<JasperFx.Events.IEventStream<T>> Fetch<T>(IDocumentSession session, HttpContext http, Guid id, CancellationToken ct)
        where T : class
    {
        if (!IdempotencyKeys.ToBeRead(http)) return await session.Events.FetchForWriting<T>(id, ct);
        var batch = session.CreateBatchQuery();
        var fetched = batch.Events.FetchForWriting<T>(id);
        var remembered = IdempotencyKeys.Join(http, batch);
        await batch.Execute(ct);
        await IdempotencyKeys.Check(remembered);
        return await fetched;
    }

    /// <summary>The read model to write from, with the Idempotency-Key's record in the same round trip, as <see cref="Fetch{T}"/>.</summary>
    private static async Task<T?> Load<T>(IDocumentSession session, HttpContext http, Guid id, CancellationToken ct)
        where T : class
    {
        if (!IdempotencyKeys.ToBeRead(http)) return await session.LoadAsync<T>(id, ct);
        var batch = session.CreateBatchQuery();
        var loaded = batch.Load<T>(id);
        var remembered = IdempotencyKeys.Join(http, batch);
        await batch.Execute(ct);
        await IdempotencyKeys.Check(remembered);
        return await loaded;
    }

    /// <summary>
    /// The one path of a command on an existing stream, as handlers call it: load, check If-Match, decide on the state
    /// with who asks and when, append, save.
    /// </summary>
    public static Task<Written<T>> Decide<T>(this StreamCommandContext command, Guid id, Func<T, Recording, Task<Decision>> decide,
        Func<Guid, ProblemHttpResult> notFound, bool readBack = true)
        where T : class, IVersioned =>
        Decide<T>(command.Session, command.Http, id, command.IfMatch, current => decide(current, command.Recording()), notFound, command.Cancelled, readBack);

    public static Task<Written<T>> Decide<T>(this StreamCommandContext command, Guid id, Func<T, Recording, Decision> decide,
        Func<Guid, ProblemHttpResult> notFound, bool readBack = true, Action<IReadOnlyList<JasperFx.Events.IEvent>>? beforeSave = null,
        Projector<T>? project = null)
        where T : class, IVersioned =>
        Decide<T>(command.Session, command.Http, id, command.IfMatch, current => Task.FromResult(decide(current, command.Recording())), notFound,
            command.Cancelled, readBack, beforeSave, project);
}

/// <summary>
/// The inline projection's fold of one event onto its read model (the projection's own EvolveAsync): given to
/// <see cref="StreamWrite"/>, the write appends by <see cref="AppendStatement"/> and stores the folded document itself.
/// </summary>
public delegate ValueTask<T?> Projector<T>(T current, JasperFx.Events.IEvent e, CancellationToken ct) where T : class;
