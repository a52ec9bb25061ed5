namespace KotakBlazor.Soak;

/// <summary>
/// One sample: minutes since every dashboard was live, the app's RSS, how many dashboards still tick,
/// and the machine's 1-minute load average (the build machine is shared; it explains outliers).
/// </summary>
public sealed record MemorySample(double Minutes, double RssMb, int PagesLive, double LoadAverage);
