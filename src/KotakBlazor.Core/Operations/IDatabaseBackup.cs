namespace KotakBlazor.Core.Operations;

/// <summary>An online copy of the database (taken while the app runs) into the data folder, with old copies removed.</summary>
public interface IDatabaseBackup
{
    /// <summary>Copies the database as <paramref name="tradingDay"/>'s backup (replacing an earlier copy of the same day) and removes backups past the retention.</summary>
    Task<BackupResult> BackupAsync(DateOnly tradingDay, CancellationToken cancellationToken);
}
