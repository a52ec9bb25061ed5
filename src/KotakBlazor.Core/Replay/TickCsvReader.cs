using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Core.Replay;

/// <summary>
/// Reads ticks in the tick format (<see cref="ReplayCsv.TickHeader"/>, header required),
/// resolving each symbol by its exact trading symbol. Bad rows are not fatal: each is reported
/// with its line number and skipped, so one broken line does not cost a recorded day.
/// </summary>
/// <remarks>
/// Ticks come out lazily, one line at a time, because a recorded day of every instrument runs to
/// millions of rows. Reading is synchronous on purpose: the kernel that consumes the ticks is
/// synchronous and a replay runs on one thread as fast as it can.
/// </remarks>
public sealed class TickCsvReader
{
    private const int Columns = 6;

    private readonly IInstrumentCatalog _instruments;

    /// <summary>Creates a reader resolving symbols through <paramref name="instruments"/>.</summary>
    public TickCsvReader(IInstrumentCatalog instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _instruments = instruments;
    }

    /// <summary>
    /// The good rows as ticks, in file order (bid, ask and previous close 0: the format does not
    /// hold them). Every bad row, and a missing or wrong header, is added to
    /// <paramref name="errors"/> as it is met; check it after enumerating. A wrong header yields nothing.
    /// </summary>
    public IEnumerable<Tick> Read(TextReader reader, ICollection<CsvRowError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(errors);
        return ReadRows(reader, errors);
    }

    private IEnumerable<Tick> ReadRows(TextReader reader, ICollection<CsvRowError> errors)
    {
        var header = reader.ReadLine();
        if (!ReplayCsv.HeaderMatches(header, ReplayCsv.TickHeader))
        {
            errors.Add(new CsvRowError(1, ReplayCsv.HeaderProblem(header, ReplayCsv.TickHeader)));
            yield break;
        }

        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var problem = TryParse(line, out var tick);
            if (problem is null)
            {
                yield return tick;
            }
            else
            {
                errors.Add(new CsvRowError(lineNumber, problem));
            }
        }
    }

    private string? TryParse(string line, out Tick tick)
    {
        tick = default;
        var fields = line.Split(',');
        if (fields.Length != Columns)
        {
            return ReplayCsv.ColumnCountProblem(fields.Length, ReplayCsv.TickHeader);
        }

        List<string>? problems = null;
        if (ReplayCsv.ParseTimestamp(fields[0], out var time) is { } timeProblem)
        {
            (problems ??= []).Add(timeProblem);
        }

        var symbol = fields[1].Trim();
        Instrument? instrument = null;
        if (symbol.Length == 0)
        {
            (problems ??= []).Add("symbol is empty");
        }
        else if (!_instruments.TryGetBySymbol(symbol, out instrument))
        {
            (problems ??= []).Add($"unknown symbol '{ReplayCsv.Shorten(symbol)}'");
        }

        if (ReplayCsv.ParsePrice("ltp", fields[2].Trim(), out var ltp) is { } ltpProblem)
        {
            (problems ??= []).Add(ltpProblem);
        }

        if (ReplayCsv.ParseCount("qty", fields[3].Trim(), out var quantity) is { } quantityProblem)
        {
            (problems ??= []).Add(quantityProblem);
        }

        if (ReplayCsv.ParseCount("volume", fields[4].Trim(), out var volume) is { } volumeProblem)
        {
            (problems ??= []).Add(volumeProblem);
        }

        if (ReplayCsv.ParseCount("oi", fields[5].Trim(), out var openInterest) is { } oiProblem)
        {
            (problems ??= []).Add(oiProblem);
        }

        if (problems is not null)
        {
            return string.Join("; ", problems);
        }

        tick = new Tick(instrument!.Id, ltp, quantity, volume, openInterest, 0m, 0m, 0m, time);
        return null;
    }
}
