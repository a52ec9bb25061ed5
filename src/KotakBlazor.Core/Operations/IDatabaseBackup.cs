namespace KotakBlazor.Core.Operations;

/// <summary>An online copy of the database (taken while the app runs) into the data folder, with old copies removed.</summary>
public interface IDatabaseBackup
{
    /// <summary>Copies the database as <paramref name="tradingDay"/>'s backup (replacing an earlier copy of the same day) and removes backups past the retention.</summary>
    Task<BackupResult> BackupAsync(DateOnly tradingDay, CancellationToken cancellationToken);
}

/// <summary>What a backup did.</summary>
/// <param name="Path">The backup file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Removed">Older backups removed by the retention rule (file names).</param>
public sealed record BackupResult(string Path, long Bytes, IReadOnlyList<string> Removed);
