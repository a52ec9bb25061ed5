namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>The trading day whose scrip master is cached, and when it was downloaded.</summary>
public sealed class ScripMasterDayRecord
{
    /// <summary>The IST trading day the files belong to.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset DownloadedAt { get; set; }

    public int InstrumentCount { get; set; }

    /// <summary>Rows the parser skipped (bad or duplicate), for the health screen.</summary>
    public int SkippedRows { get; set; }
}
