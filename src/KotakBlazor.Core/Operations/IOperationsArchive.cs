namespace KotakBlazor.Core.Operations;

/// <summary>
/// Archives completed tracking entries: orders that are final and whose position is no longer
/// held, untouched for longer than the retention, are marked archived (their rows, history and
/// fills stay, so the journal and the audit trail are whole); notifications of that age that
/// were delivered are removed.
/// </summary>
public interface IOperationsArchive
{
    /// <summary>Archives what was completed before <paramref name="completedBefore"/>; entries archived already are left alone.</summary>
    Task<ArchiveResult> ArchiveAsync(DateTimeOffset completedBefore, Guid runId, CancellationToken cancellationToken);
}
