using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Web.Market;

/// <summary>An underlying with listed options: its name, where its price comes from, its expiries and contracts.</summary>
/// <param name="Name">The derivatives' name (NIFTY, BANKNIFTY).</param>
/// <param name="Spot">The index or stock whose price is the spot; null when the catalogue has none.</param>
/// <param name="SpotSymbol">That instrument's trading symbol.</param>
/// <param name="Expiries">Expiry dates, nearest first.</param>
/// <param name="Options">Every listed option on it.</param>
public sealed record OptionUnderlying(string Name, InstrumentId? Spot, string? SpotSymbol, IReadOnlyList<DateOnly> Expiries, IReadOnlyList<Instrument> Options);
