using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KotakBlazor.Infrastructure.Tests.Persistence;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task A_fresh_folder_gets_a_migrated_database_in_wal_mode()
    {
        await using var db = new TestDatabase();
        await db.InitializedAsync();

        Assert.True(File.Exists(db.Options.DatabasePath));
        await using var context = db.ContextFactory.CreateDbContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal("wal", await ScalarAsync(db.Options.ConnectionString, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task The_migrated_schema_matches_the_ef_model()
    {
        await using var db = new TestDatabase();
        await db.InitializedAsync();
        await using var context = db.ContextFactory.CreateDbContext();

        await using var connection = new SqliteConnection(db.Options.ConnectionString);
        await connection.OpenAsync();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = await ColumnsAsync(connection, table);
            Assert.True(columns.Count > 0, $"Table {table} is missing from the migrated database.");
            var identifier = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null);
            var modelColumns = entity.GetProperties().ToDictionary(p => p.GetColumnName(identifier)!, p => p);
            Assert.Equal(modelColumns.Keys.Order(), columns.Keys.Order());
            foreach (var (name, property) in modelColumns)
            {
                var (type, notNull) = columns[name];
                Assert.True(string.Equals(property.GetColumnType(), type, StringComparison.OrdinalIgnoreCase), $"{table}.{name}: model type {property.GetColumnType()}, database {type}");
                Assert.True(property.IsNullable != notNull, $"{table}.{name}: nullability differs");
            }

            var primaryKey = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(identifier)!);
            Assert.Equal(primaryKey, await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk;"));

            foreach (var index in entity.GetIndexes())
            {
                var indexName = index.GetDatabaseName()!;
                var unique = await ScalarAsync(db.Options.ConnectionString, $"SELECT \"unique\" FROM pragma_index_list('{table}') WHERE name = '{indexName}';");
                Assert.True(unique is not null, $"Index {indexName} on {table} is missing.");
                Assert.Equal(index.IsUnique ? "1" : "0", unique);
                Assert.Equal(index.Properties.Select(p => p.GetColumnName(identifier)!), await ListAsync(connection, $"SELECT name FROM pragma_index_info('{indexName}') ORDER BY seqno;"));
                var sql = await ScalarAsync(db.Options.ConnectionString, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{indexName}';");
                var filter = index.GetFilter();
                Assert.True(filter is null ? !sql!.Contains(" WHERE ", StringComparison.OrdinalIgnoreCase) : sql!.EndsWith(" WHERE " + filter, StringComparison.Ordinal), $"Index {indexName}: model filter '{filter}', database '{sql}'");
            }

            var modelForeignKeys = entity.GetForeignKeys()
                .SelectMany(fk => fk.Properties.Zip(fk.PrincipalKey.Properties, (from, to) =>
                    $"{from.GetColumnName(identifier)} -> {fk.PrincipalEntityType.GetTableName()}.{to.GetColumnName()} on delete {OnDelete(fk.DeleteBehavior)}"))
                .Order();
            var databaseForeignKeys = (await ListAsync(connection, $"SELECT \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}');")).Order();
            Assert.Equal(modelForeignKeys, databaseForeignKeys);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_stops_startup_and_is_left_untouched()
    {
        await using var db = new TestDatabase();
        var garbage = "this is not a sqlite database, it is a text file that someone put here by mistake"u8.ToArray();
        await File.WriteAllBytesAsync(db.Options.DatabasePath, garbage);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => db.Initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains("not a valid SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(db.Options.DatabasePath));
    }

    [Fact]
    public async Task Reopening_an_existing_database_keeps_its_data()
    {
        await using var db = new TestDatabase();
        await db.InitializedAsync();
        await db.Users.CreateAsync("trader1", "a-long-password", "Trader", "test", CancellationToken.None);

        await db.Initializer.InitializeAsync(CancellationToken.None);

        await using var context = db.ContextFactory.CreateDbContext();
        Assert.Equal("trader1", (await context.Users.SingleAsync()).UserName);
    }

    [Fact]
    public async Task A_database_made_by_the_first_schema_is_upgraded_and_keeps_its_data()
    {
        await using var db = new TestDatabase();
        Directory.CreateDirectory(db.Folder);
        await using (var context = db.ContextFactory.CreateDbContext())
        {
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261122000000_Initial");
        }

        await db.Users.CreateAsync("old-timer", "long-enough-pass", "Trader", "test", CancellationToken.None);

        await db.Initializer.InitializeAsync(CancellationToken.None);

        await using var upgraded = db.ContextFactory.CreateDbContext();
        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
        Assert.Equal("old-timer", (await upgraded.Users.SingleAsync()).UserName);
        Assert.Equal(0, await upgraded.Strategies.CountAsync());
    }

    [Fact]
    public void A_second_process_on_the_same_data_folder_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kotakblazor-tests", Guid.NewGuid().ToString("N"));
        using var first = DataFolderLock.Acquire(folder);

        var error = Assert.Throws<DatabaseStartupException>(() => DataFolderLock.Acquire(folder));

        Assert.Contains("in use by another KotakBlazor process", error.Message, StringComparison.Ordinal);
        first.Dispose();
        using var again = DataFolderLock.Acquire(folder);
    }

    private static async Task<Dictionary<string, (string Type, bool NotNull)>> ColumnsAsync(SqliteConnection connection, string table)
    {
        var columns = new Dictionary<string, (string, bool)>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}');";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2) == 1);
        }

        return columns;
    }

    private static string OnDelete(DeleteBehavior behavior) => behavior switch
    {
        DeleteBehavior.Cascade => "CASCADE",
        DeleteBehavior.Restrict => "RESTRICT",
        DeleteBehavior.SetNull => "SET NULL",
        _ => "NO ACTION",
    };

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        var values = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
