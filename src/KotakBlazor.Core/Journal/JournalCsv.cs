using System.Globalization;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Journal;

/// <summary>
/// Writes round trips as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma,
/// quote or line break quoted, quotes doubled). Numbers use the invariant culture; times are IST
/// (<c>yyyy-MM-dd HH:mm:ss</c>), as the trader read them.
/// </summary>
public static class JournalCsv
{
    /// <summary>The header row's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["Id", "Strategy", "Symbol", "Instrument", "Product", "Direction", "Quantity", "EntryPrice", "ExitPrice", "EntryTimeIst", "ExitTimeIst", "Pnl", "Note"];

    /// <summary>Writes a header and one row per round trip.</summary>
    public static void Write(TextWriter writer, IEnumerable<RoundTrip> trips)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trips);
        WriteRow(writer, Columns);
        var fields = new string[Columns.Count];
        foreach (var trip in trips)
        {
            fields[0] = trip.Id;
            fields[1] = trip.StrategyId?.ToString() ?? string.Empty;
            fields[2] = trip.TradingSymbol;
            fields[3] = trip.Instrument.ToString();
            fields[4] = trip.Product.ToString().ToUpperInvariant();
            fields[5] = trip.Direction.ToString();
            fields[6] = trip.Quantity.ToString(CultureInfo.InvariantCulture);
            fields[7] = trip.EntryPrice.ToString(CultureInfo.InvariantCulture);
            fields[8] = trip.ExitPrice.ToString(CultureInfo.InvariantCulture);
            fields[9] = Ist(trip.EntryTime);
            fields[10] = Ist(trip.ExitTime);
            fields[11] = trip.Pnl.ToString(CultureInfo.InvariantCulture);
            fields[12] = trip.Note ?? string.Empty;
            WriteRow(writer, fields);
        }
    }

    private static string Ist(DateTimeOffset time) =>
        IndianMarketTime.ToIst(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write("\r\n");
    }

    private static void WriteField(TextWriter writer, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(field);
            return;
        }

        writer.Write('"');
        writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
