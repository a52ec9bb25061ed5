using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Core.Replay;

/// <summary>
/// Writes ticks in the tick format (<see cref="ReplayCsv.TickHeader"/>), so that
/// <see cref="TickCsvReader"/> reads back exactly the same instants, prices (with their scale)
/// and quantities. Lines end in <c>\n</c> on every platform. Not thread-safe.
/// </summary>
public sealed class TickCsvWriter
{
    private readonly TextWriter _writer;
    private readonly IInstrumentCatalog _instruments;

    /// <summary>Creates a writer naming instruments by their trading symbol in <paramref name="instruments"/>.</summary>
    public TickCsvWriter(TextWriter writer, IInstrumentCatalog instruments)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(instruments);
        _writer = writer;
        _instruments = instruments;
    }

    /// <summary>Writes the header line; once, at the start of a file.</summary>
    public void WriteHeader()
    {
        _writer.Write(ReplayCsv.TickHeader);
        _writer.Write('\n');
    }

    /// <summary>
    /// Writes one tick (bid, ask and previous close are not part of the format). False, with
    /// nothing written, when the catalog does not know the instrument or its symbol holds a
    /// comma, a quote or a line break, which the unquoted format cannot carry.
    /// </summary>
    public bool TryWrite(in Tick tick)
    {
        if (!_instruments.TryGet(tick.Instrument, out var instrument) || instrument.TradingSymbol.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[64];
        Write(buffer, tick.ExchangeTime);
        _writer.Write(',');
        _writer.Write(instrument.TradingSymbol);
        _writer.Write(',');
        Write(buffer, tick.LastPrice);
        _writer.Write(',');
        Write(buffer, tick.LastQuantity);
        _writer.Write(',');
        Write(buffer, tick.Volume);
        _writer.Write(',');
        Write(buffer, tick.OpenInterest);
        _writer.Write('\n');
        return true;
    }

    // Formatting into a stack buffer keeps a recorder that writes every tick of the day free of garbage.
    private void Write(Span<char> buffer, DateTimeOffset time)
    {
        time.TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    private void Write(Span<char> buffer, decimal value)
    {
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    private void Write(Span<char> buffer, long value)
    {
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }
}
