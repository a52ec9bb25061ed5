namespace KotakBlazor.Core.Replay;

/// <summary>A row of a CSV file that could not be used, and why.</summary>
/// <param name="LineNumber">The 1-based line in the file (the header is line 1).</param>
/// <param name="Message">What is wrong with it, in words a person can act on.</param>
public sealed record CsvRowError(int LineNumber, string Message);
