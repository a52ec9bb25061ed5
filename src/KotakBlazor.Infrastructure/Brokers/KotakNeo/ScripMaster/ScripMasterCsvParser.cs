using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>
/// Reads one scrip-master CSV (any segment). A bad row is reported with its line number and
/// skipped; only a file without a usable header is refused.
/// </summary>
public static class ScripMasterCsvParser
{
    /// <summary>Parses the file.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="file">The file's name, for problem reports.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <exception cref="ScripMasterFormatException">There is no header, or it lacks the columns every row needs.</exception>
    public static async Task<ScripMasterParseResult> ParseAsync(TextReader reader, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var fields = new List<string>(96);
        var headerLine = await reader.ReadLineAsync(cancellationToken);
        if (headerLine is null || !ScripMasterCsvLine.TrySplit(headerLine, fields))
        {
            throw new ScripMasterFormatException($"{file}: no header line.");
        }

        var columns = ScripMasterColumns.Parse(fields, file);
        var instruments = new List<Instrument>();
        var problems = new List<ScripMasterProblem>();
        var seen = new HashSet<InstrumentId>();
        var lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!ScripMasterCsvLine.TrySplit(line, fields))
            {
                problems.Add(new ScripMasterProblem(file, lineNumber, "a quoted field never closes"));
                continue;
            }

            // A row with more or fewer fields has its columns shifted: every value would be read from the wrong column.
            if (fields.Count != columns.Count)
            {
                problems.Add(new ScripMasterProblem(file, lineNumber, $"{fields.Count} fields where the header has {columns.Count}"));
                continue;
            }

            if (!ScripMasterRowReader.TryRead(fields, columns, out var instrument, out var problem))
            {
                problems.Add(new ScripMasterProblem(file, lineNumber, problem));
                continue;
            }

            if (!seen.Add(instrument.Id))
            {
                problems.Add(new ScripMasterProblem(file, lineNumber, $"token {instrument.Id} appears again ({instrument.TradingSymbol}); the first row is kept"));
                continue;
            }

            instruments.Add(instrument);
        }

        return new ScripMasterParseResult(file, instruments, problems);
    }
}
