namespace KotakBlazor.Core.Execution;

/// <summary>How orders are sent (configuration section <c>Execution</c>).</summary>
public sealed class ExecutionOptions
{
    /// <summary>The broker's orders-per-second limit the pacer holds sends to; 0 turns pacing off.</summary>
    public int OrdersPerSecond { get; set; } = 10;

    /// <summary>An extra fixed wait between sends, in milliseconds (0: none).</summary>
    public int FixedDelayMilliseconds { get; set; }

    /// <summary>How many times a send that certainly did not reach the broker is tried again.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's wait, in milliseconds; it doubles each time.</summary>
    public int RetryDelayMilliseconds { get; set; } = 250;

    /// <summary>How long a multi-leg group waits for one leg to fill before it gives up and unwinds, in seconds.</summary>
    public int LegFillTimeoutSeconds { get; set; } = 15;
}
