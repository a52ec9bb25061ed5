namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>A scrip-master row that was skipped, and why.</summary>
/// <param name="File">The CSV file's name (e.g. <c>nse_fo.csv</c>).</param>
/// <param name="Line">The 1-based line number in that file (the header is line 1).</param>
/// <param name="Reason">What was wrong, for people.</param>
public sealed record ScripMasterProblem(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} line {Line}: {Reason}";
}
