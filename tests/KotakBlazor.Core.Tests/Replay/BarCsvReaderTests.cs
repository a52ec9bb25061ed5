using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Replay;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Replay;

public sealed class BarCsvReaderTests
{
    private const string Header = "timestamp,open,high,low,close,volume\n";

    private static (IReadOnlyList<Bar> Bars, List<CsvRowError> Errors) Read(string text, Timeframe? timeframe = null)
    {
        var errors = new List<CsvRowError>();
        var bars = new BarCsvReader(Reliance.Id, timeframe).Read(new StringReader(text), errors);
        return (bars, errors);
    }

    [Fact]
    public void The_timeframe_is_the_shortest_gap_between_bars_so_a_lunch_gap_does_not_fool_it()
    {
        var (bars, errors) = Read(
            Header
            + "2026-11-23T09:15:00+05:30,1500,1505.5,1499,1504,1200\n"
            + "2026-11-23T09:20:00+05:30,1504,1506,1503,1503.5,900\n"
            + "2026-11-23T12:30:00+05:30,1503.5,1510,1503,1509,400\n");

        Assert.Empty(errors);
        Assert.Equal(3, bars.Count);
        Assert.All(bars, b => Assert.Equal(Timeframe.FiveMinutes, b.Timeframe));
        Assert.Equal(
            new Bar(Reliance.Id, Timeframe.FiveMinutes, ReplayTestData.Open, 1500m, 1505.5m, 1499m, 1504m, 1200, 0),
            bars[0]);
        Assert.Equal(ReplayTestData.Open.AddMinutes(195), bars[2].Start);
    }

    [Fact]
    public void Bad_bars_are_reported_with_their_line_numbers()
    {
        var (bars, errors) = Read(
            Header                                                        // 1
            + "2026-11-23T09:15:00+05:30,100,101,99,100.5,10\n"           // 2 good
            + "2026-11-23T09:16:00+05:30,100,99,98,100.5,10\n"            // 3 high below close
            + "2026-11-23T09:16:00+05:30,100,101,99,100,x\n"              // 4 bad volume
            + "2026-11-23T09:17:00+05:30,100,101,99,100\n"                // 5 missing column
            + "2026-11-23T09:17:00+05:30,100,101,99,100,10\n"             // 6 good
            + "2026-11-23T09:16:00+05:30,100,101,99,100,10\n"             // 7 earlier than line 6
            + "2026-11-23T09:18:30+05:30,100,101,99,100,10\n"             // 8 not on the 1-minute grid
            + "2026-11-23T09:19:00,100,101,99,100,10\n"                   // 9 no offset
            + "2026-11-23T09:20:00+05:30,100,101,99,100,10\n",            // 10 good
            Timeframe.OneMinute);

        Assert.Equal([ReplayTestData.Open, ReplayTestData.Open.AddMinutes(2), ReplayTestData.Open.AddMinutes(5)], bars.Select(b => b.Start));
        Assert.Equal([3, 4, 5, 7, 8, 9], errors.Select(e => e.LineNumber));
        Assert.Equal("high 99 and low 98 do not contain open 100 and close 100.5", errors[0].Message);
        Assert.Equal("volume 'x' is not a whole number", errors[1].Message);
        Assert.StartsWith("missing column", errors[2].Message);
        Assert.Contains("is not later than line 6's", errors[3].Message);
        Assert.Contains("is not the start of a 1m bar", errors[4].Message);
        Assert.Contains("has no UTC offset", errors[5].Message);
    }

    [Fact]
    public void One_bar_needs_its_timeframe_given()
    {
        const string text = Header + "2026-11-23T09:15:00+05:30,100,101,99,100.5,10\n";

        var (inferred, inferredErrors) = Read(text);
        var (given, givenErrors) = Read(text, Timeframe.FifteenMinutes);

        Assert.Empty(inferred);
        Assert.Equal(2, Assert.Single(inferredErrors).LineNumber);
        Assert.Empty(givenErrors);
        Assert.Equal(Timeframe.FifteenMinutes, Assert.Single(given).Timeframe);
    }

    [Fact]
    public void A_tick_file_is_not_a_bar_file()
    {
        var (bars, errors) = Read("timestamp,symbol,ltp,qty,volume,oi\n2026-11-23T09:15:00+05:30,RELIANCE-EQ,100,1,1,0\n");

        Assert.Empty(bars);
        Assert.Equal(1, Assert.Single(errors).LineNumber);
    }
}
