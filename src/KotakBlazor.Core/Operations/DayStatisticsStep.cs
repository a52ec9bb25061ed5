namespace KotakBlazor.Core.Operations;

/// <summary>Step 4: the day's statistics (the journal's summary of its round trips, and its orders) are computed and stored, replacing an earlier run's.</summary>
public sealed class DayStatisticsStep(IDayStatisticsSource source, IDayStatisticsStore store) : IEndOfDayStep
{
    /// <inheritdoc />
    public int Number => 4;

    /// <inheritdoc />
    public string Name => "The day's statistics stored";

    /// <inheritdoc />
    public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var statistics = await source.ComputeAsync(context.TradingDay, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(statistics, cancellationToken).ConfigureAwait(false);
        return EndOfDayStepOutcome.Done("Stored. " + string.Join("; ", statistics.SummaryBody.Split('\n')) + ".");
    }
}
