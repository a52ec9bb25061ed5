using System.Globalization;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>
/// Online backup with SQLite's backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// a consistent copy taken while the app keeps writing, WAL contents included. One file per trading
/// day, <c>kotakblazor-yyyy-MM-dd.db</c> in <c>data/backups</c>; a second run the same day replaces it.
/// Copies of days older than the retention are removed; files that are not ours are never touched.
/// </summary>
public sealed class SqliteDatabaseBackup(IOptions<DatabaseOptions> database, BackupOptions options, TimeProvider clock) : IDatabaseBackup
{
    private const string Prefix = "kotakblazor-";
    private const string Extension = ".db";

    /// <summary>The folder the copies go to.</summary>
    public string Folder => Path.Combine(Path.GetFullPath(database.Value.Folder), options.FolderName);

    /// <inheritdoc />
    public async Task<BackupResult> BackupAsync(DateOnly tradingDay, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, FileName(tradingDay));
        // Written beside the final name, then moved: a crash mid-copy never leaves a half backup under a good name.
        var partial = target + ".partial";
        await Task.Run(() =>
        {
            using (var source = new SqliteConnection(database.Value.ConnectionString))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
            }

            File.Move(partial, target, overwrite: true);
        }, cancellationToken);

        var removed = RemoveExpired(tradingDay);
        return new BackupResult(target, new FileInfo(target).Length, removed);
    }

    /// <summary>The backup file name of a day.</summary>
    public static string FileName(DateOnly tradingDay) => Prefix + tradingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Extension;

    private List<string> RemoveExpired(DateOnly tradingDay)
    {
        // Measured from today's date (the clock), not from the day backed up: a rerun of an old day must not delete newer copies.
        var today = IndianMarketTime.IstDate(clock.GetUtcNow());
        var oldest = (today > tradingDay ? today : tradingDay).AddDays(-options.RetentionDays);
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, Prefix + "*" + Extension))
        {
            var name = Path.GetFileName(file);
            var datePart = name[Prefix.Length..^Extension.Length];
            if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < oldest)
            {
                File.Delete(file);
                removed.Add(name);
            }
        }

        removed.Sort(StringComparer.Ordinal);
        return removed;
    }
}
