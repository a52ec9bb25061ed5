namespace KotakBlazor.Core.Execution.Batches;

/// <summary>How multi-leg placements are batched and paced (configuration section <c>Placements</c>).</summary>
public sealed class PlacementOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Placements";

    /// <summary>The most lots of any one leg in a batch (20 by default).</summary>
    public int MaxLotsPerBatch { get; set; } = 20;

    /// <summary>
    /// A fixed wait between batches, in milliseconds; 0 (the default) paces by the broker's
    /// orders-per-second limit alone. The flow this replaced waited 10,000 ms.
    /// </summary>
    public int FixedDelayBetweenBatchesMilliseconds { get; set; }

    /// <summary>How long a batch's orders may take to fill before the placement stops and asks the trader, in seconds.</summary>
    public int FillTimeoutSeconds { get; set; } = 15;

    /// <summary>How long a market order usually takes to fill, in milliseconds: used only for the time estimate shown before Execute.</summary>
    public int ExpectedFillMilliseconds { get; set; } = 250;

    /// <summary>How far the underlying may move, in percent either side, for the worst case weighed against the daily-loss budget.</summary>
    public decimal StressPercent { get; set; } = 5m;
}
