using System.Reflection;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten.Schema;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace Investment.Api.EventStore;

/// <summary>
/// Writes a projection's documents into its (emptied) table with one PostgreSQL binary COPY, the columns those Marten's
/// upsert writes, read from Marten's mapping of the document when the rebuild starts (so a column added to or dropped from
/// the mapping is written or not without a change here): id, data, the metadata columns the mapping enables, the duplicated
/// fields. A column Npgsql cannot write in binary (a duplicated field Marten sends untyped, as the watchlist's datemultirange
/// literal) makes the COPY go through a temporary table of text, cast by one insert. <see cref="For"/> is null for a mapping
/// with a column this does not know how to fill (tenancy, soft deletes, hierarchies, the other metadata): the rebuild then
/// stores those documents with Marten's own operations.
/// </summary>
public sealed class DocumentCopy
{
    /// <summary>
    /// A column of a document's row as Marten's upsert fills it: its type for Npgsql, the PostgreSQL type a text value is cast
    /// to where Npgsql cannot write it (else null), and its value from the document and its stream's events (the last one's
    /// stream id and version).
    /// </summary>
    internal sealed record Column(string Name, NpgsqlDbType Type, string? Cast, Func<object, IReadOnlyList<JasperFx.Events.IEvent>, object?> Value);

    private readonly string table;
    private readonly Column[] columns;
    private readonly string copy;
    private readonly string? stage;
    private readonly string? insert;

    private DocumentCopy(string table, Column[] columns)
    {
        this.table = table;
        this.columns = columns;
        var names = string.Join(", ", columns.Select(c => c.Name));
        if (columns.All(c => c.Cast is null))
        {
            copy = $"copy {table} ({names}) from stdin (format binary)";
            return;
        }
        var staged = "mt_rebuild_" + table.Split('.')[^1];
        stage = $"create temp table if not exists {staged} (like {table}); "
            + string.Join(" ", columns.Where(c => c.Cast is not null).Select(c => $"alter table {staged} alter column {c.Name} type text;"))
            + $" truncate {staged};";
        copy = $"copy {staged} ({names}) from stdin (format binary)";
        insert = $"insert into {table} ({names}) select {string.Join(", ", columns.Select(c => c.Cast is null ? c.Name : $"{c.Name}::{c.Cast}"))} from {staged}; truncate {staged};";
    }

    public string Table => table;

    /// <summary>The COPY of <paramref name="documentType"/>'s documents, or null when its mapping has a column this cannot fill.</summary>
    public static DocumentCopy? For(IDocumentStore store, Type documentType)
    {
        // The mapping as the store resolved it (its public lookup); another kind of document type takes the storage path.
        if (store.Options.FindOrResolveDocumentType(documentType) is not DocumentMapping mapping) return null;
        if (Unfilled(mapping).Count > 0) return null;
        return new DocumentCopy(mapping.TableName.QualifiedName, [.. Columns((StoreOptions)store.Options, mapping)]);
    }

    /// <summary>
    /// The columns of a stream's document as Marten's upsert writes them, id first (the stream's id), in the table's order: the
    /// data, the metadata columns the mapping enables, the duplicated fields. Shared by this COPY and the API's own
    /// statement (<see cref="AppendStatement"/>), so that both write what Marten would.
    /// </summary>
    internal static IReadOnlyList<Column> Columns(StoreOptions options, DocumentMapping mapping)
    {
        var metadata = mapping.Metadata;
        var serializer = options.Serializer();
        var dotnetType = mapping.DocumentType.FullName;
        var columns = new List<Column>
        {
            new("id", NpgsqlDbType.Uuid, null, (_, events) => events[^1].StreamId),
            new("data", NpgsqlDbType.Jsonb, null, (document, _) => serializer.ToJson(document)),
        };
        // Marten's upsert writes the time of its transaction, the type's name, a new version (Guid versions) or the stream's
        // version (numeric revisions: a projection's document carries the version of the stream's last event).
        if (metadata.LastModified.Enabled) columns.Add(new(metadata.LastModified.Name, NpgsqlDbType.TimestampTz, null, (_, _) => DateTimeOffset.UtcNow));
        if (metadata.DotNetType.Enabled) columns.Add(new(metadata.DotNetType.Name, NpgsqlDbType.Varchar, null, (_, _) => dotnetType));
        if (metadata.Version.Enabled) columns.Add(new(metadata.Version.Name, NpgsqlDbType.Uuid, null, (_, _) => Guid.CreateVersion7()));
        if (metadata.Revision.Enabled) columns.Add(new(metadata.Revision.Name, NpgsqlDbType.Bigint, null, (_, events) => events[^1].Version));
        foreach (var field in mapping.DuplicatedFields.Where(f => !f.OnlyForSearching))
        {
            var members = field.Members;
            var member = members[^1];
            var type = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
            var enumType = Nullable.GetUnderlyingType(type) ?? type;
            Func<object?, object?> convert = !enumType.IsEnum ? v => v
                : options.Advanced.DuplicatedFieldEnumStorage == EnumStorage.AsString ? v => v is null ? null : Enum.GetName(enumType, v)
                : v => v is null ? null : Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
            var untyped = field.DbType == NpgsqlDbType.Unknown;
            columns.Add(new(field.ColumnName.ToLowerInvariant(), untyped ? NpgsqlDbType.Text : field.DbType, untyped ? field.PgType : null,
                (document, _) => convert(Read(document, members))));
        }
        return columns;
    }

    /// <summary>
    /// What a document's table has that the API's own writers of documents (this COPY, <see cref="AppendStatement"/>) do not
    /// fill: they write id, data, the type's name, the version or revision and the time of the write, nothing else.
    /// </summary>
    internal static IReadOnlyList<string> Unfilled(DocumentMapping mapping)
    {
        var metadata = mapping.Metadata;
        return new (bool Present, string What)[]
        {
            (mapping.TenancyStyle != TenancyStyle.Single, "a tenant column"),
            (mapping.DeleteStyle != DeleteStyle.Remove, "soft deletes"),
            (mapping.SubClasses.Any(), "subclasses"),
            (metadata.CreatedAt.Enabled || metadata.CausationId.Enabled || metadata.CorrelationId.Enabled || metadata.LastModifiedBy.Enabled
                || metadata.Headers.Enabled, "tracking columns"),
        }.Where(x => x.Present).Select(x => x.What).ToList();
    }

    /// <summary>A duplicated field's value: its members read in turn, null where one on the way is.</summary>
    private static object? Read(object document, MemberInfo[] members)
    {
        object? value = document;
        foreach (var member in members)
        {
            if (value is null) return null;
            value = member is PropertyInfo property ? property.GetValue(value) : ((FieldInfo)member).GetValue(value);
        }
        return value;
    }

    /// <summary>Writes <paramref name="documents"/> (each with its stream's events) on <paramref name="connection"/>.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<(object Document, IReadOnlyList<JasperFx.Events.IEvent> Events)> documents, CancellationToken cancellation)
    {
        if (documents.Count == 0) return;
        if (stage is not null)
        {
            await using var create = new NpgsqlCommand(stage, connection);
            await create.ExecuteNonQueryAsync(cancellation);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(copy, cancellation))
        {
            foreach (var (document, events) in documents)
            {
                await writer.StartRowAsync(cancellation);
                foreach (var column in columns)
                {
                    if (column.Value(document, events) is { } value) await writer.WriteAsync(value, column.Type, cancellation);
                    else await writer.WriteNullAsync(cancellation);
                }
            }
            await writer.CompleteAsync(cancellation);
        }
        if (insert is not null)
        {
            await using var command = new NpgsqlCommand(insert, connection);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
