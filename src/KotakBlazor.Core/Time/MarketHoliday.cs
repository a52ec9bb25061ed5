namespace KotakBlazor.Core.Time;

/// <summary>A day the exchange does not trade, as the exchange's holiday circular names it.</summary>
/// <param name="Date">The IST date.</param>
/// <param name="Name">What the exchange calls it (e.g. "Republic Day").</param>
public sealed record MarketHoliday(DateOnly Date, string Name);
