using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

/// <summary>The simulated market on the exchange calendar: silent on a holiday, expiries moved off holidays.</summary>
public sealed class HolidayAwareSimulationTests
{
    // Tuesday 24 November 2026 (Guru Nanak Jayanti) is the month's last Tuesday; Tuesday 10 November is Diwali Balipratipada.
    private static readonly NseTradingCalendar Calendar = new(
    [
        new MarketHoliday(new DateOnly(2026, 11, 10), "Diwali Balipratipada"),
        new MarketHoliday(new DateOnly(2026, 11, 24), "Prakash Gurpurb Sri Guru Nanak Dev"),
    ]);

    private static DateTimeOffset Ist(int day, int hour) => IndianMarketTime.AtIst(new DateOnly(2026, 11, day), new TimeOnly(hour, 0));

    [Fact]
    public async Task Market_hours_only_is_silent_at_ten_in_the_morning_of_a_holiday()
    {
        var clock = new ManualClock(Ist(24, 10));
        var sink = new RecordingFeedSink();
        using var stop = new CancellationTokenSource();

        var run = CreateFeed(clock, new NseMarketHours(Calendar)).RunAsync(sink, stop.Token);

        Assert.Equal((true, SimulatedMarketFeed.ClosedReason), Assert.Single(sink.Reports));
        Assert.Empty(sink.Ticks);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(sink.Ticks);
    }

    [Fact]
    public async Task Market_hours_only_ticks_the_next_morning()
    {
        var clock = new ManualClock(Ist(25, 10));
        var sink = new RecordingFeedSink();
        using var stop = new CancellationTokenSource();

        var run = CreateFeed(clock, new NseMarketHours(Calendar)).RunAsync(sink, stop.Token);

        Assert.Equal((true, SimulatedMarketFeed.RunningReason), Assert.Single(sink.Reports));
        Assert.NotEmpty(sink.Ticks);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_universe_lists_a_moved_monthly_expiry_under_its_monthly_symbol()
    {
        var universe = SimulatedUniverse.Create(Ist(12, 10), new SimulatorOptions { StrikesEachSide = 1 }, Calendar);

        Assert.Equal([new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 29)], universe.NiftyOptionExpiries);
        Assert.All(universe.Futures, f => Assert.Equal(new DateOnly(2026, 11, 23), f.Expiry));
        var movedMonthly = universe.Options.Single(o => o.Expiry == new DateOnly(2026, 11, 23) && o.Strike == universe.NiftyAtmStrike && o.OptionType == OptionType.Call);
        Assert.Equal(25950m, universe.NiftyAtmStrike);
        Assert.Equal("NIFTY26NOV25950CE", movedMonthly.TradingSymbol);
        var weekly = universe.Options.Single(o => o.Expiry == new DateOnly(2026, 11, 17) && o.Strike == 25950m && o.OptionType == OptionType.Put);
        Assert.Equal("NIFTY26N1725950PE", weekly.TradingSymbol);
    }

    [Fact]
    public void Without_a_calendar_the_universe_keeps_the_scheduled_tuesdays()
    {
        var universe = SimulatedUniverse.Create(Ist(12, 10), new SimulatorOptions { StrikesEachSide = 1 });

        Assert.Equal([new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 29)], universe.NiftyOptionExpiries);
    }

    private static SimulatedMarketFeed CreateFeed(ManualClock clock, IMarketHours hours)
    {
        var options = Options.Create(new SimulatorOptions { Seed = 11, MarketHoursOnly = true, TickInterval = TimeSpan.FromMilliseconds(250) });
        return new SimulatedMarketFeed(new SimulatedInstrumentSource(options, clock, Calendar), options, clock, NullLogger<SimulatedMarketFeed>.Instance, hours);
    }
}
