using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Replay;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Replay;

public sealed class TickCsvWriterTests
{
    [Fact]
    public void What_the_writer_writes_the_reader_reads_back_exactly()
    {
        var ist = TimeSpan.FromMinutes(330);
        Tick[] ticks =
        [
            new(Reliance.Id, 1510.40m, 12, 3_400, 0, 1510.35m, 1510.45m, 1500m, new DateTimeOffset(2026, 11, 23, 9, 15, 0, ist).AddTicks(1_234_567)),
            new(Infy.Id, 0.05m, 0, 0, 0, 0m, 0m, 0m, new DateTimeOffset(2026, 11, 23, 3, 46, 0, TimeSpan.Zero)),
            new(Reliance.Id, 123456.7890m, long.MaxValue, 9_000_000_000, 42, 0m, 0m, 0m, new DateTimeOffset(2026, 11, 24, 15, 29, 59, 999, ist)),
        ];

        var text = ReplayTestData.ToCsv(ticks);
        var errors = new List<CsvRowError>();
        var read = new TickCsvReader(Catalog).Read(new StringReader(text), errors).ToList();

        Assert.Empty(errors);
        Assert.Equal(ticks.Select(t => t with { BidPrice = 0m, AskPrice = 0m, PreviousClose = 0m }), read);
        Assert.Equal(ticks.Select(t => t.ExchangeTime.Offset), read.Select(t => t.ExchangeTime.Offset));
        Assert.Equal(ticks.Select(t => t.LastPrice.Scale), read.Select(t => t.LastPrice.Scale));
        Assert.Equal(text, ReplayTestData.ToCsv(read));
        Assert.StartsWith("timestamp,symbol,ltp,qty,volume,oi\n2026-11-23T09:15:00.1234567+05:30,RELIANCE-EQ,1510.40,12,3400,0\n", text);
    }

    [Fact]
    public void A_tick_of_an_instrument_the_catalog_does_not_know_is_refused_and_nothing_is_written()
    {
        var text = new StringWriter();
        var writer = new TickCsvWriter(text, Catalog);

        var written = writer.TryWrite(new Tick(new InstrumentId(ExchangeSegment.NseCm, 999_999), 10m, 1, 1, 0, 0m, 0m, 0m, ReplayTestData.Open));

        Assert.False(written);
        Assert.Equal(string.Empty, text.ToString());
    }
}
