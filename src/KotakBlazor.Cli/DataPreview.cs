using KotakBlazor.Core.Replay;

namespace KotakBlazor.Cli;

/// <summary>
/// A first pass over the data file: its format, the time of its first row (which day's
/// instruments to load, before any symbol can be resolved) and the symbols a tick file holds
/// (the strategy's instrument when the file has just one).
/// </summary>
internal sealed record DataPreview(ReplayFormat? Format, DateTimeOffset? FirstTime, IReadOnlyCollection<string> Symbols)
{
    public static async Task<DataPreview> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var format = ReplayCsv.DetectFormat(await reader.ReadLineAsync(cancellationToken));
        DateTimeOffset? first = null;
        var symbols = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            if (first is null && ReplayCsv.TryParseTimestamp(line[..comma], out var time))
            {
                first = time;
                if (format != ReplayFormat.Ticks)
                {
                    break;
                }
            }

            if (format == ReplayFormat.Ticks)
            {
                var next = line.IndexOf(',', comma + 1);
                var symbol = (next < 0 ? line[(comma + 1)..] : line[(comma + 1)..next]).Trim();
                if (symbol.Length > 0)
                {
                    symbols.Add(symbol);
                }
            }
        }

        return new DataPreview(format, first, symbols);
    }
}
