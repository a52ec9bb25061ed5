using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>
/// Creates the data folder, checks the database file, applies migrations and switches on WAL.
/// A file that is not a SQLite database, or one another process holds locked, stops start-up
/// with a message that says what to do; the file itself is never modified or replaced.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<KotakDbContext> contextFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existed = File.Exists(path) && new FileInfo(path).Length > 0;

        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (existed)
            {
                await CheckIntegrityAsync(context, path, cancellationToken);
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s) to {DatabasePath}: {Migrations}", pending.Count, path, pending);
                await context.Database.MigrateAsync(cancellationToken);
            }

            // WAL lets the UI read while the engine writes; the setting is stored in the file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            logger.LogInformation("Database ready at {DatabasePath} ({State})", path, existed ? "opened" : "created");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new DatabaseStartupException(
                $"The database file '{path}' is not a valid SQLite database or is corrupt ({ex.Message}). " +
                "It was left untouched. Restore it from a backup in the data folder, or move it aside to start with an empty database.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw new DatabaseStartupException(
                $"The database file '{path}' is locked by another process ({ex.Message}). " +
                "Stop the other KotakBlazor instance (or whatever holds the file open) and start again.", ex);
        }
    }

    private static async Task CheckIntegrityAsync(KotakDbContext context, string path, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check;";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(result, "ok", StringComparison.OrdinalIgnoreCase))
        {
            throw new DatabaseStartupException(
                $"The database file '{path}' failed SQLite's integrity check ({result}). It was left untouched. " +
                "Restore it from a backup in the data folder, or move it aside to start with an empty database.");
        }
    }
}
