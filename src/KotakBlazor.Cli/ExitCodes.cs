namespace KotakBlazor.Cli;

/// <summary>What the process returns, for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>The run completed (even with bad rows skipped or a strategy stopped by an error).</summary>
    public const int Completed = 0;

    /// <summary>The command line was wrong: unknown option, strategy, instrument or parameter.</summary>
    public const int Usage = 1;

    /// <summary>The data file could not be read or held no valid row.</summary>
    public const int BadData = 2;
}
