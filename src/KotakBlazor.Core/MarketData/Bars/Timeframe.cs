using System.Globalization;

namespace KotakBlazor.Core.MarketData.Bars;

/// <summary>A bar length in whole minutes.</summary>
public readonly record struct Timeframe
{
    /// <summary>Creates a timeframe of <paramref name="minutes"/> minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 1 and 375 minutes (one NSE session).</exception>
    public Timeframe(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, 375);
        Minutes = minutes;
    }

    /// <summary>One-minute bars.</summary>
    public static Timeframe OneMinute { get; } = new(1);

    /// <summary>Three-minute bars.</summary>
    public static Timeframe ThreeMinutes { get; } = new(3);

    /// <summary>Five-minute bars.</summary>
    public static Timeframe FiveMinutes { get; } = new(5);

    /// <summary>Fifteen-minute bars.</summary>
    public static Timeframe FifteenMinutes { get; } = new(15);

    /// <summary>The length in minutes.</summary>
    public int Minutes { get; }

    /// <summary>The length of one bar.</summary>
    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    /// <summary>Chart notation: <c>1m</c>, <c>15m</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Minutes}m");
}
