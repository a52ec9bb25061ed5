namespace KotakBlazor.Core.Operations;

/// <summary>Where the history of end-of-day runs is kept.</summary>
public interface IEndOfDayRunStore
{
    /// <summary>Stores a run as it stands (inserted the first time, replaced after), steps included.</summary>
    Task SaveAsync(EndOfDayRun run, CancellationToken cancellationToken);

    /// <summary>The latest runs, newest first.</summary>
    Task<IReadOnlyList<EndOfDayRun>> LoadRecentAsync(int limit, CancellationToken cancellationToken);
}
