namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>The outcome of <see cref="ScripMasterRefresher.EnsureTodayAsync"/>.</summary>
/// <param name="Source">Where the catalog's instruments came from.</param>
/// <param name="Day">The trading day the catalog now holds; null when it is empty.</param>
/// <param name="InstrumentCount">Instruments in the catalog.</param>
/// <param name="Problems">Rows skipped by this download (the first 100 at most); empty when nothing was downloaded.</param>
/// <param name="Error">Why the download failed (or why a downloaded day could not be cached), for people; null when all went well.</param>
public sealed record ScripMasterRefreshResult(
    ScripMasterSource Source,
    DateOnly? Day,
    int InstrumentCount,
    IReadOnlyList<ScripMasterProblem> Problems,
    string? Error);
