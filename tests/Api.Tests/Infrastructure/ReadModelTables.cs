using Npgsql;

namespace Investment.Api.Tests.Infrastructure;

/// <summary>The tables of the store's read models (the projections' documents), which the rebuild tests compare row by row.</summary>
public static class ReadModelTables
{
    /// <summary>Every document table but those no projection writes (dead letters, imports, Idempotency-Key records), by name.</summary>
    public static async Task<List<string>> List(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var list = new NpgsqlCommand("""
            select table_name from information_schema.tables
            where table_schema = 'investment' and table_name like 'mt\_doc\_%' and table_name not in ('mt_doc_deadletterevent', 'mt_doc_importrecord', 'mt_doc_idempotencyrecord')
            order by table_name
            """, connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
