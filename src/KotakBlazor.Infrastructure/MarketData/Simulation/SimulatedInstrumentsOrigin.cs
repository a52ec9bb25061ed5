using System.Globalization;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>Where the simulated market's instruments came from, in words for the log and the broker health panel.</summary>
/// <param name="ScripMasterDay">The day of the cached Kotak scrip master the contracts are from; null for the built-in instruments.</param>
/// <param name="Detail">What was picked from the master, or why the built-in instruments are used.</param>
public sealed record SimulatedInstrumentsOrigin(DateOnly? ScripMasterDay, string Detail)
{
    /// <summary>Whether the contracts are real ones from a scrip master.</summary>
    public bool IsScripMaster => ScripMasterDay is not null;

    /// <summary>One line for people, e.g. "Kotak scrip master of 2026-12-03 (cached), prices simulated".</summary>
    public string Summary => ScripMasterDay is { } day
        ? string.Create(CultureInfo.InvariantCulture, $"Kotak scrip master of {day:yyyy-MM-dd} (cached), prices simulated")
        : "built-in simulated instruments";

    /// <summary>The built-in instruments, for the given reason.</summary>
    public static SimulatedInstrumentsOrigin BuiltIn(string reason) => new(null, reason);
}
