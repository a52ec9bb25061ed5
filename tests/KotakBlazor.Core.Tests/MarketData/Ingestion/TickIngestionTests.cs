using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Time;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.MarketData.Ingestion;

public sealed class TickIngestionTests
{
    private readonly ManualClock _clock = new(Ist(9, 15));
    private readonly TickBus _bus = new();
    private readonly TickQueueSubscription _published;
    private readonly TickIngestion _ingestion;

    public TickIngestionTests()
    {
        _published = _bus.SubscribeQueue(1024);
        _ingestion = new TickIngestion(_bus, _clock);
    }

    [Fact]
    public void Accepted_ticks_are_stamped_with_a_gap_free_sequence_and_the_receive_time_and_published()
    {
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(At(Ist(9, 15, 1), 100m, volume: 10)));
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(IngestResult.DroppedInvalidPrice, _ingestion.Ingest(At(Ist(9, 15, 2), 0m, volume: 20)));
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(At(Ist(9, 15, 2), 101m, volume: 20)));

        var ticks = ReadAll();
        Assert.Equal([1L, 2L], ticks.Select(t => t.Sequence));
        Assert.Equal([Ist(9, 15), Ist(9, 15).AddMilliseconds(250)], ticks.Select(t => t.ReceivedAt));
        Assert.Equal([100m, 101m], ticks.Select(t => t.LastPrice));
        Assert.Equal(2, _ingestion.LastSequence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_price_is_dropped(int price)
    {
        Assert.Equal(IngestResult.DroppedInvalidPrice, _ingestion.Ingest(At(Ist(9, 15, 1), price)));

        Assert.Empty(ReadAll());
        Assert.Equal(new IngestionCounters(0, 1, 0, 0, 0), _ingestion.Counters);
    }

    [Fact]
    public void Negative_quantity_volume_or_open_interest_is_dropped()
    {
        var valid = At(Ist(9, 15, 1), 100m, volume: 10);

        Assert.Equal(IngestResult.DroppedInvalidQuantity, _ingestion.Ingest(valid with { LastQuantity = -1 }));
        Assert.Equal(IngestResult.DroppedInvalidQuantity, _ingestion.Ingest(valid with { Volume = -1 }));
        Assert.Equal(IngestResult.DroppedInvalidQuantity, _ingestion.Ingest(valid with { OpenInterest = -1 }));

        Assert.Empty(ReadAll());
        Assert.Equal(3, _ingestion.Counters.InvalidQuantity);
    }

    [Fact]
    public void Same_time_price_and_volume_as_the_last_accepted_tick_is_a_duplicate()
    {
        var tick = At(Ist(9, 15, 1), 100m, volume: 10);
        _ingestion.Ingest(tick);

        Assert.Equal(IngestResult.DroppedDuplicate, _ingestion.Ingest(tick));
        Assert.Equal(IngestResult.DroppedDuplicate, _ingestion.Ingest(tick with { BidPrice = 99m }));

        // Same time but a new trade (volume moved) is not a duplicate; nor is the same tick of another instrument.
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(tick with { Volume = 11 }));
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(tick with { Instrument = Reliance }));
        Assert.Equal(2, _ingestion.Counters.Duplicate);
    }

    [Fact]
    public void Tick_older_than_the_last_accepted_one_is_out_of_order()
    {
        _ingestion.Ingest(At(Ist(9, 15, 2), 100m, volume: 10));

        Assert.Equal(IngestResult.DroppedOutOfOrder, _ingestion.Ingest(At(Ist(9, 15, 1), 101m, volume: 11)));
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(At(Ist(9, 15, 1), 101m, volume: 11, instrument: Reliance)));
        Assert.Equal(1, _ingestion.Counters.OutOfOrder);
    }

    [Fact]
    public void Cumulative_volume_going_down_within_the_IST_day_is_out_of_order()
    {
        _ingestion.Ingest(At(Ist(9, 15, 1), 100m, volume: 500));

        Assert.Equal(IngestResult.DroppedOutOfOrder, _ingestion.Ingest(At(Ist(9, 15, 2), 100m, volume: 499)));
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(At(Ist(9, 15, 3), 100m, volume: 500)));
    }

    [Fact]
    public void Cumulative_volume_restarts_on_a_new_IST_day()
    {
        // 23:59 IST and 00:01 IST are the same UTC date but different IST dates.
        _ingestion.Ingest(At(Ist(TradingDay, 23, 59), 100m, volume: 1_000_000));

        var nextDay = Ist(TradingDay.AddDays(1), 0, 1);
        Assert.Equal(nextDay.UtcDateTime.Date, Ist(TradingDay, 23, 59).UtcDateTime.Date);
        Assert.Equal(IngestResult.Accepted, _ingestion.Ingest(At(nextDay, 100m, volume: 5)));
    }

    [Fact]
    public void Counters_add_up_and_sequence_has_no_gaps_after_drops()
    {
        for (var i = 1; i <= 100; i++)
        {
            var tick = At(Ist(9, 15).AddSeconds(i), 100m + i, volume: i * 10);
            _ingestion.Ingest(tick);
            if (i % 10 == 0)
            {
                _ingestion.Ingest(tick);
                _ingestion.Ingest(tick with { LastPrice = 0 });
            }
        }

        var counters = _ingestion.Counters;
        Assert.Equal(new IngestionCounters(100, 10, 0, 10, 0), counters);
        Assert.Equal(20, counters.Dropped);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), ReadAll().Select(t => t.Sequence));
    }

    [Fact]
    public async Task Counters_are_visible_from_another_thread()
    {
        _ingestion.Ingest(At(Ist(9, 15, 1), 100m));
        _ingestion.Ingest(At(Ist(9, 15, 1), 0m));

        var seen = await Task.Run(() => _ingestion.Counters);

        Assert.Equal(new IngestionCounters(1, 1, 0, 0, 0), seen);
    }

    [Fact]
    public void Ingest_allocates_nothing_per_tick_after_warm_up()
    {
        using var latest = _bus.SubscribeLatest();
        var ticks = new Tick[20_000];
        for (var i = 0; i < ticks.Length; i++)
        {
            var instrument = new KotakBlazor.Core.Instruments.InstrumentId(KotakBlazor.Core.Instruments.ExchangeSegment.NseFo, 1 + (i % 50));
            ticks[i] = At(Ist(9, 15).AddMilliseconds(i), 100m + (i % 7), volume: i, instrument: instrument);
        }

        var drain = new Tick[1024];
        for (var i = 0; i < 10_000; i++)
        {
            _ingestion.Ingest(in ticks[i]);
            if (i % 512 == 0)
            {
                _published.Drain(drain);
                latest.TakeChanged(new List<Tick>(64));
            }
        }

        _published.Drain(drain);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 10_000; i < ticks.Length; i++)
        {
            _ingestion.Ingest(in ticks[i]);
            if (i % 512 == 0)
            {
                _published.Drain(drain);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(20_000, _ingestion.Counters.Accepted);
        // Any allocation per tick would be at least 24 bytes x 10,000 ticks. Less than a byte a tick
        // on average leaves room for a one-off runtime allocation on this thread (a late tier-up of a
        // method was seen once: 7,944 bytes in one run) without letting a per-tick allocation through.
        Assert.True(allocated < 10_000, $"{allocated} bytes allocated over 10,000 ticks: something allocates per tick.");
    }

    private List<Tick> ReadAll()
    {
        var result = new List<Tick>();
        while (_published.TryRead(out var tick))
        {
            result.Add(tick);
        }

        return result;
    }
}
