using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Tests.Positions;

namespace KotakBlazor.Core.Tests.Journal;

public sealed class JournalCsvTests
{
    private static readonly Guid Strategy = new("5e1ec7ed-0000-0000-0000-000000000001");

    private static string Write(params RoundTrip[] trips)
    {
        using var writer = new StringWriter();
        JournalCsv.Write(writer, trips);
        return writer.ToString();
    }

    [Fact]
    public void Rows_use_invariant_numbers_and_ist_times_with_crlf_line_ends()
    {
        var trip = new RoundTrip(
            "T-1", Strategy, TestFills.Call, "NIFTY25D0226000CE", ProductType.Nrml, TradeDirection.Short, 65,
            120.5m, 100.25m, TestTicks.Ist(9, 20), TestTicks.Ist(14, 5, 30), 1316.25m);

        var csv = Write(trip);

        Assert.Equal(
            "Id,Strategy,Symbol,Instrument,Product,Direction,Quantity,EntryPrice,ExitPrice,EntryTimeIst,ExitTimeIst,Pnl,Note\r\n" +
            "T-1,5e1ec7ed-0000-0000-0000-000000000001,NIFTY25D0226000CE,nse_fo|40001,NRML,Short,65,120.5,100.25,2025-11-24 09:20:00,2025-11-24 14:05:30,1316.25,\r\n",
            csv);
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled()
    {
        var trip = new RoundTrip(
            "T-2", null, TestFills.Reliance, "RELIANCE-EQ", ProductType.Cnc, TradeDirection.Long, 10,
            2900m, 2890m, TestTicks.Ist(10, 0), TestTicks.Ist(11, 0), -100m, "Stopped out, \"fake\" breakout\r\nnext time wait");

        var row = Write(trip).Split("\r\n", 2)[1];

        Assert.Equal(
            "T-2,,RELIANCE-EQ,nse_cm|2885,CNC,Long,10,2900,2890,2025-11-24 10:00:00,2025-11-24 11:00:00,-100,\"Stopped out, \"\"fake\"\" breakout\r\nnext time wait\"\r\n",
            row);
    }

    [Fact]
    public void Numbers_do_not_follow_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var trip = new RoundTrip("T-3", null, TestFills.Call, "X", ProductType.Mis, TradeDirection.Long, 65, 1234.5m, 1240.75m, TestTicks.Ist(10, 0), TestTicks.Ist(10, 1), 406.25m);

            Assert.Contains(",1234.5,1240.75,", Write(trip));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void No_round_trips_writes_the_header_only()
    {
        Assert.Equal(string.Join(',', JournalCsv.Columns) + "\r\n", Write());
    }
}
