namespace KotakBlazor.Core.Time;

/// <summary>The market calendar as configured: configuration section <c>MarketCalendar</c>.</summary>
public sealed class MarketCalendarOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "MarketCalendar";

    /// <summary>Exchange holidays (the year's circular); weekends need not be listed.</summary>
    public List<MarketHoliday> Holidays { get; set; } = [];

    // A fresh instance: the configuration binder writes into an existing one, and MarketSessionTimes.Nse is shared.

    /// <summary>Session times; NSE's when not configured.</summary>
    public MarketSessionTimes Sessions { get; set; } = new();
}
