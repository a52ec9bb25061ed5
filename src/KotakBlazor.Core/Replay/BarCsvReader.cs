using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Replay;

/// <summary>
/// Reads bars of one instrument in the bar format (<see cref="ReplayCsv.BarHeader"/>, header
/// required). A row's timestamp is the start of its bar, as charts label candles. The
/// timeframe is the one given, or else the shortest gap between consecutive bars. Bad rows are
/// reported with their line number and skipped.
/// </summary>
/// <remarks>
/// Bars are read whole, not streamed: the timeframe is known only once every gap was seen, and
/// a day of one-minute bars is 375 rows.
/// </remarks>
public sealed class BarCsvReader
{
    private const int Columns = 6;

    private readonly InstrumentId _instrument;
    private readonly Timeframe? _timeframe;

    /// <summary>Creates a reader for the bars of <paramref name="instrument"/>; <paramref name="timeframe"/> null: inferred.</summary>
    public BarCsvReader(InstrumentId instrument, Timeframe? timeframe = null)
    {
        _instrument = instrument;
        _timeframe = timeframe;
    }

    /// <summary>
    /// The good rows as bars, oldest first (tick count 0: the format does not hold it). Every bad
    /// row, and a missing or wrong header, is added to <paramref name="errors"/> in line order.
    /// </summary>
    public IReadOnlyList<Bar> Read(TextReader reader, ICollection<CsvRowError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(errors);
        var header = reader.ReadLine();
        if (!ReplayCsv.HeaderMatches(header, ReplayCsv.BarHeader))
        {
            errors.Add(new CsvRowError(1, ReplayCsv.HeaderProblem(header, ReplayCsv.BarHeader)));
            return [];
        }

        var problems = new List<CsvRowError>();
        var rows = ReadRows(reader, problems);
        var timeframe = _timeframe ?? InferTimeframe(rows, problems);
        var bars = new List<Bar>(rows.Count);
        if (timeframe is { } length)
        {
            DateTimeOffset? previousEnd = null;
            foreach (var row in rows)
            {
                if (AlignmentProblem(row, length, previousEnd) is { } problem)
                {
                    problems.Add(new CsvRowError(row.LineNumber, problem));
                    continue;
                }

                bars.Add(new Bar(_instrument, length, row.Start, row.Open, row.High, row.Low, row.Close, row.Volume, 0));
                previousEnd = row.Start + length.Duration;
            }
        }

        foreach (var problem in problems.OrderBy(p => p.LineNumber))
        {
            errors.Add(problem);
        }

        return bars;
    }

    private static List<Row> ReadRows(TextReader reader, List<CsvRowError> problems)
    {
        var rows = new List<Row>();
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParse(line, lineNumber, out var row) is { } problem)
            {
                problems.Add(new CsvRowError(lineNumber, problem));
            }
            else if (rows.Count > 0 && row.Start <= rows[^1].Start)
            {
                problems.Add(new CsvRowError(lineNumber, $"timestamp {ReplayCsv.FormatTimestamp(row.Start)} is not later than line {rows[^1].LineNumber}'s"));
            }
            else
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static string? TryParse(string line, int lineNumber, out Row row)
    {
        row = default;
        var fields = line.Split(',');
        if (fields.Length != Columns)
        {
            return ReplayCsv.ColumnCountProblem(fields.Length, ReplayCsv.BarHeader);
        }

        var problems = new List<string>();
        Add(problems, ReplayCsv.ParseTimestamp(fields[0], out var start));
        Add(problems, ReplayCsv.ParsePrice("open", fields[1].Trim(), out var open));
        Add(problems, ReplayCsv.ParsePrice("high", fields[2].Trim(), out var high));
        Add(problems, ReplayCsv.ParsePrice("low", fields[3].Trim(), out var low));
        Add(problems, ReplayCsv.ParsePrice("close", fields[4].Trim(), out var close));
        Add(problems, ReplayCsv.ParseCount("volume", fields[5].Trim(), out var volume));
        if (problems.Count == 0 && (high < Math.Max(open, close) || low > Math.Min(open, close)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"high {high} and low {low} do not contain open {open} and close {close}"));
        }

        if (problems.Count > 0)
        {
            return string.Join("; ", problems);
        }

        row = new Row(lineNumber, start, open, high, low, close, volume);
        return null;
    }

    private static Timeframe? InferTimeframe(List<Row> rows, List<CsvRowError> problems)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        if (rows.Count == 1)
        {
            problems.Add(new CsvRowError(rows[0].LineNumber, "one bar is not enough to tell the timeframe; give it"));
            return null;
        }

        var shortest = 1;
        for (var i = 2; i < rows.Count; i++)
        {
            if (rows[i].Start - rows[i - 1].Start < rows[shortest].Start - rows[shortest - 1].Start)
            {
                shortest = i;
            }
        }

        var gap = rows[shortest].Start - rows[shortest - 1].Start;
        if (gap.Ticks % TimeSpan.TicksPerMinute != 0 || gap.TotalMinutes > 375)
        {
            problems.Add(new CsvRowError(
                rows[shortest].LineNumber,
                string.Create(CultureInfo.InvariantCulture, $"bars {gap} apart from line {rows[shortest - 1].LineNumber}'s cannot tell the timeframe (whole minutes, at most 375); give it")));
            return null;
        }

        return new Timeframe((int)gap.TotalMinutes);
    }

    private static string? AlignmentProblem(Row row, Timeframe timeframe, DateTimeOffset? previousEnd)
    {
        if (BarAggregator.BarStart(row.Start, timeframe) != row.Start)
        {
            return $"timestamp {ReplayCsv.FormatTimestamp(row.Start)} is not the start of a {timeframe} bar (bars start at 09:15 IST and every {timeframe} from there)";
        }

        return row.Start < previousEnd
            ? $"timestamp {ReplayCsv.FormatTimestamp(row.Start)} falls inside the previous {timeframe} bar"
            : null;
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    private readonly record struct Row(int LineNumber, DateTimeOffset Start, decimal Open, decimal High, decimal Low, decimal Close, long Volume);
}
