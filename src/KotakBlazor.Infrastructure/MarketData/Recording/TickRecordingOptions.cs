namespace KotakBlazor.Infrastructure.MarketData.Recording;

/// <summary>Recording of live ticks for later replay, bound from the configuration section <c>Recording</c>. Off unless asked for.</summary>
public sealed class TickRecordingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Recording";

    /// <summary>Whether accepted ticks are written to disk.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the daily files go; a relative path is the host's to resolve (under the data folder, say).</summary>
    public string Folder { get; set; } = "ticks";
}
