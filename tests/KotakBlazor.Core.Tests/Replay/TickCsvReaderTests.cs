using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Replay;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Replay;

public sealed class TickCsvReaderTests
{
    private static (List<Tick> Ticks, List<CsvRowError> Errors) Read(string text)
    {
        var errors = new List<CsvRowError>();
        var ticks = new TickCsvReader(Catalog).Read(new StringReader(text), errors).ToList();
        return (ticks, errors);
    }

    [Fact]
    public void Good_rows_become_ticks_with_their_instant_prices_and_quantities()
    {
        var (ticks, errors) = Read(
            " Timestamp , SYMBOL ,LTP,qty,Volume,OI\n"
            + "2026-11-23T09:15:00.2500000+05:30,RELIANCE-EQ,1510.40,12,3400,0\n"
            + "2026-11-23T03:45:01Z, INFY-EQ ,1548.6,5,100,7\n");

        Assert.Empty(errors);
        Assert.Equal(
            [
                new Tick(Reliance.Id, 1510.40m, 12, 3400, 0, 0m, 0m, 0m, new DateTimeOffset(2026, 11, 23, 3, 45, 0, 250, TimeSpan.Zero)),
                new Tick(Infy.Id, 1548.6m, 5, 100, 7, 0m, 0m, 0m, new DateTimeOffset(2026, 11, 23, 3, 45, 1, TimeSpan.Zero)),
            ],
            ticks);
        Assert.Equal(TimeSpan.FromMinutes(330), ticks[0].ExchangeTime.Offset);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_number_and_the_good_rows_still_come_through()
    {
        var (ticks, errors) = Read(
            "timestamp,symbol,ltp,qty,volume,oi\n"                      // 1
            + "2026-11-23T09:15:00+05:30,RELIANCE-EQ,1510.40,1,1,0\n"   // 2 good
            + "2026-11-23T09:15:01+05:30,TATAMOTORS-EQ,700,1,1,0\n"     // 3 unknown symbol
            + "2026-11-23T09:15:02+05:30,RELIANCE-EQ,15x0,1,2,0\n"      // 4 bad number
            + "2026-11-23T09:15:03+05:30,RELIANCE-EQ,1510,-5,3,0\n"     // 5 negative qty
            + "2026-11-23T09:15:04+05:30,RELIANCE-EQ,1510,1,4\n"        // 6 missing column
            + "2026-11-23T09:15:05,RELIANCE-EQ,1510,1,5,0\n"            // 7 no offset
            + "\n"                                                      // 8 blank: skipped
            + "2026-11-23T09:15:06+05:30,RELIANCE-EQ,0,1,6,0\n"         // 9 price not positive
            + "2026-11-23T09:15:07+05:30,RELIANCE-EQ,1510,1,7,0,9\n"    // 10 too many columns
            + "yesterday,RELIANCE-EQ,1510,1,8,0\n"                      // 11 not a timestamp
            + "2026-11-23T09:15:09+05:30,RELIANCE-EQ,1510,1,9.5,0\n"    // 12 volume not whole
            + "2026-11-23T09:15:10+05:30,,1510,1,10,0\n"                // 13 empty symbol
            + "2026-11-23T09:15:11+05:30,INFY-EQ,1548.60,2,11,0\n");    // 14 good

        Assert.Equal([1L, 11L], ticks.Select(t => t.Volume));
        Assert.Equal([3, 4, 5, 6, 7, 9, 10, 11, 12, 13], errors.Select(e => e.LineNumber));
        Assert.Equal("unknown symbol 'TATAMOTORS-EQ'", errors[0].Message);
        Assert.Equal("ltp '15x0' is not a number", errors[1].Message);
        Assert.Equal("qty -5 is negative", errors[2].Message);
        Assert.StartsWith("missing column: expected 6", errors[3].Message);
        Assert.Contains("has no UTC offset", errors[4].Message);
        Assert.Equal("ltp 0 is not positive", errors[5].Message);
        Assert.StartsWith("too many columns", errors[6].Message);
        Assert.Contains("'yesterday' is not ISO-8601", errors[7].Message);
        Assert.Equal("volume '9.5' is not a whole number", errors[8].Message);
        Assert.Equal("symbol is empty", errors[9].Message);
    }

    [Fact]
    public void A_row_with_several_problems_lists_them_all()
    {
        var (_, errors) = Read("timestamp,symbol,ltp,qty,volume,oi\n2026-11-23T09:15:00+05:30,NOPE,-1,1,1,-2\n");

        var error = Assert.Single(errors);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("unknown symbol 'NOPE'; ltp -1 is not positive; oi -2 is negative", error.Message);
    }

    [Theory]
    [InlineData("2026-11-23T09:15:00+05:30,RELIANCE-EQ,1510,1,1,0\n", "found '2026-11-23T09:15:00+05:30,RELIANCE-EQ,1510,1,1,0'")]
    [InlineData("timestamp,open,high,low,close,volume\n", "found 'timestamp,open,high,low,close,volume'")]
    [InlineData("timestamp,symbol,ltp,qty,volume\n", "found 'timestamp,symbol,ltp,qty,volume'")]
    [InlineData("", "The file is empty")]
    public void A_missing_or_wrong_header_is_one_error_on_line_1_and_no_ticks(string text, string expected)
    {
        var (ticks, errors) = Read(text + "2026-11-23T09:15:01+05:30,RELIANCE-EQ,1510,1,2,0\n");
        if (text.Length == 0)
        {
            (ticks, errors) = Read(string.Empty);
        }

        Assert.Empty(ticks);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains(expected, error.Message);
    }
}
