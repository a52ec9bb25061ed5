using System.Globalization;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Step 6: completed tracking entries older than the retention are archived, then the database is
/// backed up online into the data folder. The two halves are independent: a failed archive still
/// leaves a backup behind, and the step reports each.
/// </summary>
/// <param name="archive">The archive.</param>
/// <param name="backup">The backup.</param>
/// <param name="clock">The time source.</param>
/// <param name="archiveAfter">How long a completed entry stays in the working set; 30 days when null.</param>
public sealed class ArchiveAndBackupStep(IOperationsArchive archive, IDatabaseBackup backup, TimeProvider clock, TimeSpan? archiveAfter = null) : IEndOfDayStep
{
    private readonly TimeSpan _archiveAfter = archiveAfter ?? TimeSpan.FromDays(30);

    /// <inheritdoc />
    public int Number => 6;

    /// <inheritdoc />
    public string Name => "Archive of completed entries and online backup";

    /// <inheritdoc />
    public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parts = new List<string>();
        var failed = false;
        try
        {
            var archived = await archive.ArchiveAsync(clock.GetUtcNow() - _archiveAfter, context.RunId, cancellationToken).ConfigureAwait(false);
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"Archive: {archived.OrdersArchived} completed orders older than {_archiveAfter.TotalDays:0} days marked archived, {archived.NotificationsRemoved} old delivered notifications removed."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failed = true;
            parts.Add($"Archive failed: {ex.Message}.");
        }

        try
        {
            var copy = await backup.BackupAsync(context.TradingDay, cancellationToken).ConfigureAwait(false);
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"Backup: {Path.GetFileName(copy.Path)} ({copy.Bytes / 1024.0:0.#} KB); {copy.Removed.Count} backups past the retention removed."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failed = true;
            parts.Add($"Backup failed: {ex.Message}.");
        }

        var detail = string.Join(" ", parts);
        return failed ? EndOfDayStepOutcome.Failed(detail) : EndOfDayStepOutcome.Done(detail);
    }
}
