using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.Options;

public sealed class OpenInterestTrackerTests
{
    private static readonly InstrumentId NiftyCall = new(ExchangeSegment.NseFo, 40001);
    private static readonly InstrumentId NiftyPut = new(ExchangeSegment.NseFo, 40002);
    private static readonly DateOnly NextDay = TradingDay.AddDays(1);

    private readonly OpenInterestTracker _tracker = new();

    [Fact]
    public void Change_is_measured_from_the_first_open_interest_of_the_session()
    {
        Assert.False(_tracker.TryGet(NiftyCall, out _));

        _tracker.Record(WithOi(NiftyCall, Ist(9, 15), 1_000));
        _tracker.Record(WithOi(NiftyPut, Ist(9, 15), 5_000));
        _tracker.Record(WithOi(NiftyCall, Ist(10, 0), 1_500));
        _tracker.Record(WithOi(NiftyCall, Ist(11, 0), 1_200));

        Assert.True(_tracker.TryGet(NiftyCall, out var call));
        Assert.Equal(new OpenInterestChange(NiftyCall, TradingDay, 1_200, 1_000, false), call);
        Assert.Equal(200, call.Change);
        Assert.Equal(20.0, call.ChangePercent!.Value, 12);
        Assert.True(_tracker.TryGet(NiftyPut, out var put));
        Assert.Equal(0, put.Change);
        Assert.Equal(2, _tracker.Count);
    }

    [Fact]
    public void A_new_ist_date_starts_a_new_session_and_late_ticks_from_the_old_one_are_ignored()
    {
        _tracker.Record(WithOi(NiftyCall, Ist(9, 15), 1_000));
        _tracker.Record(WithOi(NiftyCall, Ist(15, 29), 1_800));

        // 18:40 UTC on the trading day is 00:10 IST the next day: a new session by IST, not by UTC.
        var justAfterIstMidnight = new DateTimeOffset(TradingDay.ToDateTime(new TimeOnly(18, 40)), TimeSpan.Zero);
        _tracker.Record(WithOi(NiftyCall, justAfterIstMidnight, 1_750));
        Assert.True(_tracker.TryGet(NiftyCall, out var opening));
        Assert.Equal(new OpenInterestChange(NiftyCall, NextDay, 1_750, 1_750, false), opening);

        _tracker.Record(WithOi(NiftyCall, Ist(15, 30), 9_999));
        _tracker.Record(WithOi(NiftyCall, Ist(NextDay, 10, 0), 2_000));

        Assert.True(_tracker.TryGet(NiftyCall, out var later));
        Assert.Equal(NextDay, later.Session);
        Assert.Equal(2_000, later.OpenInterest);
        Assert.Equal(250, later.Change);
    }

    [Fact]
    public void A_previous_close_given_before_the_session_becomes_its_reference()
    {
        _tracker.SetPreviousClose(NiftyCall, TradingDay, 900);
        Assert.False(_tracker.TryGet(NiftyCall, out _));

        _tracker.Record(WithOi(NiftyCall, Ist(9, 15), 1_000));
        _tracker.Record(WithOi(NiftyCall, Ist(9, 30), 1_200));

        Assert.True(_tracker.TryGet(NiftyCall, out var change));
        Assert.Equal(new OpenInterestChange(NiftyCall, TradingDay, 1_200, 900, true), change);
        Assert.Equal(300, change.Change);
    }

    [Fact]
    public void A_previous_close_given_during_the_session_replaces_the_first_value_seen()
    {
        _tracker.Record(WithOi(NiftyCall, Ist(9, 15), 1_000));
        _tracker.Record(WithOi(NiftyCall, Ist(9, 30), 1_200));

        _tracker.SetPreviousClose(NiftyCall, TradingDay, 1_100);

        Assert.True(_tracker.TryGet(NiftyCall, out var change));
        Assert.Equal(100, change.Change);
        Assert.True(change.ReferenceIsPreviousClose);
    }

    [Fact]
    public void A_previous_close_applies_only_to_its_own_session()
    {
        _tracker.SetPreviousClose(NiftyCall, NextDay, 1_500);
        _tracker.Record(WithOi(NiftyCall, Ist(9, 15), 1_000));
        _tracker.Record(WithOi(NiftyCall, Ist(15, 0), 1_600));

        Assert.True(_tracker.TryGet(NiftyCall, out var today));
        Assert.Equal(600, today.Change);
        Assert.False(today.ReferenceIsPreviousClose);

        _tracker.Record(WithOi(NiftyCall, Ist(NextDay, 9, 15), 1_700));
        Assert.True(_tracker.TryGet(NiftyCall, out var tomorrow));
        Assert.Equal(new OpenInterestChange(NiftyCall, NextDay, 1_700, 1_500, true), tomorrow);

        // A close for a session already over changes nothing.
        _tracker.SetPreviousClose(NiftyCall, TradingDay, 1);
        Assert.True(_tracker.TryGet(NiftyCall, out var unchanged));
        Assert.Equal(tomorrow, unchanged);
    }

    [Fact]
    public void Ticks_without_open_interest_are_ignored()
    {
        _tracker.Record(At(Ist(9, 15), 26000m));
        Assert.Equal(0, _tracker.Count);

        _tracker.Record(WithOi(NiftyCall, Ist(9, 15), 1_000));
        _tracker.Record(WithOi(NiftyCall, Ist(9, 16), 0));
        _tracker.Record(WithOi(NiftyCall, Ist(NextDay, 9, 15), -5));

        Assert.True(_tracker.TryGet(NiftyCall, out var change));
        Assert.Equal(new OpenInterestChange(NiftyCall, TradingDay, 1_000, 1_000, false), change);
        Assert.Throws<ArgumentOutOfRangeException>(() => _tracker.SetPreviousClose(NiftyCall, TradingDay, -1));
    }

    [Fact]
    public void Recording_known_instruments_allocates_nothing()
    {
        var ticks = Enumerable.Range(1, 100)
            .Select(token => WithOi(new InstrumentId(ExchangeSegment.NseFo, token), Ist(9, 15), 1_000 + token))
            .ToArray();
        foreach (var tick in ticks)
        {
            _tracker.Record(tick);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _tracker.Record(ticks[i % ticks.Length] with { OpenInterest = i + 1 });
            _tracker.TryGet(ticks[i % ticks.Length].Instrument, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(_tracker.TryGet(ticks[99].Instrument, out var last));
        Assert.Equal(10_000, last.OpenInterest);
    }

    [Fact]
    public async Task Readers_never_see_an_instrument_half_updated()
    {
        // Every tick opens a new session whose date encodes the open interest, and a new
        // session's reference is its first value, so a consistent read always has
        // Change == 0 and Session == TradingDay + OpenInterest days.
        _tracker.Record(WithOi(NiftyCall, Ist(TradingDay.AddDays(1), 10, 0), 1));
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            long reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                Assert.True(_tracker.TryGet(NiftyCall, out var change));
                Assert.Equal(0, change.Change);
                Assert.Equal(TradingDay.AddDays((int)change.OpenInterest), change.Session);
                reads++;
            }

            return reads;
        });

        for (var i = 2; i <= 200_000; i++)
        {
            _tracker.Record(WithOi(NiftyCall, Ist(TradingDay.AddDays(i), 10, 0), i));
        }

        await done.CancelAsync();
        Assert.True(await reader > 0);
    }

    private static Tick WithOi(InstrumentId instrument, DateTimeOffset time, long openInterest) =>
        At(time, 100m, instrument: instrument) with { OpenInterest = openInterest };
}
