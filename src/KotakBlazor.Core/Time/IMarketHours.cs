namespace KotakBlazor.Core.Time;

/// <summary>
/// When the exchange takes orders: the normal session, and the after-market-order window in
/// which orders are accepted to wait for the next open. The market calendar (holidays) plugs
/// in behind this.
/// </summary>
public interface IMarketHours
{
    /// <summary>Whether the normal session is open at <paramref name="time"/>.</summary>
    bool IsOpen(DateTimeOffset time);

    /// <summary>Whether an after-market order may be placed at <paramref name="time"/> (the market is closed and the AMO window open).</summary>
    bool IsAfterMarketWindow(DateTimeOffset time);

    /// <summary>The next session open at or after <paramref name="time"/>.</summary>
    DateTimeOffset NextOpen(DateTimeOffset time);
}

/// <summary>A market that never closes: the simulator running round the clock for demos and development.</summary>
public sealed class AlwaysOpenMarketHours : IMarketHours
{
    /// <inheritdoc />
    public bool IsOpen(DateTimeOffset time) => true;

    /// <inheritdoc />
    public bool IsAfterMarketWindow(DateTimeOffset time) => false;

    /// <inheritdoc />
    public DateTimeOffset NextOpen(DateTimeOffset time) => time;
}
