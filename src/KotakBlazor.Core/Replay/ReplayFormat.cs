namespace KotakBlazor.Core.Replay;

/// <summary>The two kinds of recorded market data a replay reads.</summary>
public enum ReplayFormat
{
    /// <summary>One row per tick: <c>timestamp,symbol,ltp,qty,volume,oi</c>.</summary>
    Ticks,
    /// <summary>One row per bar of one instrument: <c>timestamp,open,high,low,close,volume</c>.</summary>
    Bars,
}
