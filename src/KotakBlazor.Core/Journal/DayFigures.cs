namespace KotakBlazor.Core.Journal;

/// <summary>The figures of the round trips that closed on one IST day.</summary>
/// <param name="Day">The IST date of the exits.</param>
/// <param name="Figures">Its figures.</param>
public sealed record DayFigures(DateOnly Day, TradeFigures Figures);
