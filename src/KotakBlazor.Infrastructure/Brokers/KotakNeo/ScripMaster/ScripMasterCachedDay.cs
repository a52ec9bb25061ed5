namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>What the database holds of the scrip master.</summary>
/// <param name="Day">The IST trading day of the cached set.</param>
/// <param name="DownloadedAt">When it was downloaded.</param>
/// <param name="InstrumentCount">How many instruments it holds.</param>
/// <param name="SkippedRows">Rows skipped when it was parsed.</param>
public sealed record ScripMasterCachedDay(DateOnly Day, DateTimeOffset DownloadedAt, int InstrumentCount, int SkippedRows);
