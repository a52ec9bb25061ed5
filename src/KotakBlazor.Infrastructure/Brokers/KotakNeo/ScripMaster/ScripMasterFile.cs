namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>One of the day's scrip-master CSV files.</summary>
/// <param name="Segment">The segment it holds, read from its name (<c>nse_cm-v1.csv</c> holds <c>nse_cm</c>).</param>
/// <param name="Url">Where to download it.</param>
public sealed record ScripMasterFile(string Segment, Uri Url)
{
    /// <summary>The file's name, e.g. <c>nse_fo.csv</c>.</summary>
    public string Name => Path.GetFileName(Url.AbsolutePath);
}
