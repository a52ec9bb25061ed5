using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Operations;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.Operations;

/// <summary>The end-of-day backup: a consistent copy taken while the database is in use, one per day, old ones removed.</summary>
public sealed class SqliteDatabaseBackupTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private readonly ManualClock _clock = new(IndianMarketTime.AtIst(Today, new TimeOnly(15, 45)));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await new TestDatabase(_clock).InitializedAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_copy_is_a_database_holding_what_was_written_even_while_a_reader_holds_the_file_open()
    {
        await _db.Users.CreateAsync("trader1", "trader-password-long", "Trader", "test", CancellationToken.None);
        // The app keeps connections open (WAL): the backup must not need them closed.
        await using var open = new SqliteConnection(_db.Options.ConnectionString);
        await open.OpenAsync();
        await using (var begin = open.CreateCommand())
        {
            begin.CommandText = "BEGIN; SELECT COUNT(*) FROM users;";
            await begin.ExecuteScalarAsync();
        }

        var result = await Backup().BackupAsync(Today, CancellationToken.None);

        Assert.Equal(Path.Combine(_db.Folder, "backups", "kotakblazor-2026-12-07.db"), result.Path);
        Assert.Equal(new FileInfo(result.Path).Length, result.Bytes);
        Assert.False(File.Exists(result.Path + ".partial"));
        await using var copy = new SqliteConnection($"Data Source={result.Path};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var query = copy.CreateCommand();
        query.CommandText = "SELECT UserName FROM users";
        Assert.Equal("trader1", await query.ExecuteScalarAsync());
        query.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_second_backup_the_same_day_replaces_the_first_and_copies_older_than_the_retention_are_removed()
    {
        var folder = Path.Combine(_db.Folder, "backups");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "kotakblazor-2026-11-29.db", "kotakblazor-2026-11-30.db", "kotakblazor-2026-12-01.db", "notes.txt", "kotakblazor-latest.db" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), "x");
        }

        var first = await Backup().BackupAsync(Today, CancellationToken.None);
        var second = await Backup().BackupAsync(Today, CancellationToken.None);

        // Seven days back from 7 December is 30 November: older days go, that day and later stay; other files are left alone.
        Assert.Equal(["kotakblazor-2026-11-29.db"], first.Removed);
        Assert.Empty(second.Removed);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(
            ["kotakblazor-2026-11-30.db", "kotakblazor-2026-12-01.db", "kotakblazor-2026-12-07.db", "kotakblazor-latest.db", "notes.txt"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private SqliteDatabaseBackup Backup() => new(Options.Create(_db.Options), new BackupOptions { RetentionDays = 7 }, _clock);
}
