namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Where and how the scrip master is fetched. Configuration section <c>Kotak:ScripMaster</c>.</summary>
public sealed class KotakScripMasterOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Kotak:ScripMaster";

    /// <summary>
    /// The host the file-paths call goes to. Empty: the session's <c>baseUrl</c> from login
    /// (where Kotak serves it today). Set it when Kotak moves the call, or to point at a fake.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>The path of the call that lists the day's CSV files.</summary>
    public string FilePathsPath { get; set; } = "/script-details/1.0/masterscrip/file-paths";

    /// <summary>
    /// Replaces scheme and host of every CSV link the file-paths call returns (the path is kept).
    /// Empty: the links are used as given.
    /// </summary>
    public string? FileHost { get; set; }

    /// <summary>
    /// The segments to load, in order of preference: when two segments use the same trading
    /// symbol, the first one listed keeps it.
    /// </summary>
    public IList<string> Segments { get; init; } = ["nse_cm", "nse_fo", "bse_cm", "bse_fo"];

    /// <summary>How long one call or one CSV download may take.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The IST time of day by which Kotak has published the day's files. Before it, the
    /// previous day's set still counts as current, so a refresh at 00:30 does not store
    /// yesterday's files under today's date.
    /// </summary>
    public TimeOnly PublishedBy { get; set; } = new(7, 30);

    /// <summary>How long to wait before trying again after a failed refresh.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(15);
}
