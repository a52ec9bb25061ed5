using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Signals;
using static KotakBlazor.Core.Tests.Kernel.TestStrategies;

namespace KotakBlazor.Core.Tests.Kernel;

public sealed class KernelCoreTests
{
    // 2026-11-23 is a Monday; 09:15 IST = 03:45 UTC.
    private static readonly DateTimeOffset Open = new(2026, 11, 23, 3, 45, 0, TimeSpan.Zero);

    /// <summary>Ticks every 20 s for the given minutes: up in even minutes, down in odd ones.</summary>
    private static List<Tick> Session(Instrument instrument, int minutes, DateTimeOffset? start = null)
    {
        var ticks = new List<Tick>();
        var price = 1000m;
        long volume = 0;
        for (var i = 0; i < minutes * 3; i++)
        {
            var minute = i / 3;
            price += minute % 2 == 0 ? 1m : -1m;
            volume += 10;
            ticks.Add(new Tick(instrument.Id, price, 10, volume, 0, price - 0.05m, price + 0.05m, 1000m, (start ?? Open).AddSeconds(20 * i)));
        }

        return ticks;
    }

    [Fact]
    public void A_strategy_hears_the_bars_of_its_timeframe_and_its_signals_carry_the_market_time()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        kernel.Add(Settings(UpBar));

        foreach (var tick in Session(Reliance, 6))
        {
            kernel.OnTick(in tick);
        }

        // Minutes 0..4 closed (minute 5 is still forming); 0, 2 and 4 closed up.
        Assert.Equal(3, events.Signals.Count);
        var first = events.Signals[0];
        Assert.Equal(SignalKind.Entry, first.Kind);
        Assert.Equal(Open.AddMinutes(1), first.Time);
        Assert.Equal("RELIANCE-EQ", Assert.Single(first.Legs).TradingSymbol);
        Assert.Equal(2, first.Legs[0].Quantity);
        Assert.Equal(3, kernel.Strategies.Single().SignalsToday);
    }

    [Fact]
    public void The_same_ticks_give_the_same_signals()
    {
        var settings = Settings(UpBar);
        var ticks = Session(Reliance, 30);
        List<Signal> Run()
        {
            var events = new RecordingKernelEvents();
            var kernel = new KernelCore(Catalog, events);
            kernel.Add(settings);
            foreach (var tick in ticks)
            {
                kernel.OnTick(in tick);
            }

            return events.Signals;
        }

        var first = Run();
        var second = Run();

        Assert.Equal(15, first.Count);
        Assert.Equal(first.Select(Describe), second.Select(Describe));
    }

    [Fact]
    public void A_strategy_that_throws_is_stopped_with_its_error_and_the_others_go_on()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        var faulty = Settings(UpBar, "faulty", parameters: new Dictionary<string, string> { ["throwOnBar"] = "2" });
        var healthy = Settings(UpBar, "healthy");
        kernel.Add(faulty);
        kernel.Add(healthy);

        foreach (var tick in Session(Reliance, 10))
        {
            kernel.OnTick(in tick);
        }

        var faultyStatus = kernel.Strategies.Single(s => s.Config.Name == "faulty");
        Assert.False(faultyStatus.Enabled);
        Assert.Equal("InvalidOperationException: boom on purpose", faultyStatus.Error);
        Assert.Contains(events.Changes, c => c.Fault is InvalidOperationException && c.Status.Id == faulty.Id);
        Assert.Equal(1, events.Signals.Count(s => s.StrategyId == faulty.Id));
        Assert.Equal(5, events.Signals.Count(s => s.StrategyId == healthy.Id));
    }

    [Fact]
    public void Re_enabling_a_stopped_strategy_starts_a_fresh_instance()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        var settings = Settings(UpBar, parameters: new Dictionary<string, string> { ["throwOnBar"] = "1" });
        kernel.Add(settings);
        var ticks = Session(Reliance, 8);
        foreach (var tick in ticks.Take(9))
        {
            kernel.OnTick(in tick);
        }

        var restarted = kernel.SetEnabled(settings.Id, true)!;

        Assert.True(restarted.Enabled);
        Assert.Null(restarted.Error);
        foreach (var tick in ticks.Skip(9))
        {
            kernel.OnTick(in tick);
        }

        // The fresh instance throws on its own first bar again: the count restarted with it.
        Assert.False(kernel.Strategies.Single().Enabled);
    }

    [Fact]
    public void Warm_up_history_reaches_the_strategy_without_signals_and_is_resampled_to_its_timeframe()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        var history = new List<Bar>();
        for (var m = 0; m < 30; m++)
        {
            history.Add(new Bar(Reliance.Id, Timeframe.OneMinute, Open.AddMinutes(m), 100, 102, 99, 101, 50, 3));
        }

        UpBarStrategy? instance = null;
        var capturing = UpBar with { Create = s => instance = new UpBarStrategy(s) };
        kernel.Add(Settings(capturing, timeframe: Timeframe.FiveMinutes), history);

        // 30 one-minute bars make five closed 5-minute bars (the sixth is still forming).
        Assert.Equal(5, instance!.Seen.Count);
        Assert.All(instance.Seen, seen => Assert.True(seen.WarmingUp));
        Assert.Equal(Open.AddMinutes(5), instance.Seen[1].Bar.Start);
        Assert.Equal(250, instance.Seen[0].Bar.Volume);
        Assert.Equal(Timeframe.FiveMinutes, instance.Seen[0].Bar.Timeframe);
        Assert.Empty(events.Signals);
        Assert.Equal(0, kernel.Strategies.Single().SignalsToday);
    }

    [Fact]
    public void Disabled_and_removed_strategies_hear_nothing()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        var disabled = Settings(UpBar, "disabled", enabled: false);
        var removed = Settings(UpBar, "removed");
        kernel.Add(disabled);
        kernel.Add(removed);
        Assert.True(kernel.Remove(removed.Id));

        foreach (var tick in Session(Reliance, 6))
        {
            kernel.OnTick(in tick);
        }

        Assert.Empty(events.Signals);
        Assert.Equal("disabled", Assert.Single(kernel.Strategies).Config.Name);
        Assert.Contains(events.Changes, c => c.Removed && c.Status.Id == removed.Id);
    }

    [Fact]
    public void Signals_today_restart_on_a_new_ist_day()
    {
        var events = new RecordingKernelEvents();
        var kernel = new KernelCore(Catalog, events);
        kernel.Add(Settings(UpBar));
        foreach (var tick in Session(Reliance, 6).Concat(Session(Reliance, 4, Open.AddDays(1))))
        {
            kernel.OnTick(in tick);
        }

        // Day 2: minutes 0 and 2 closed up (minute 3 forming), plus day 1's last forming bar closed by day 2's first tick.
        Assert.Equal(2, kernel.Strategies.Single().SignalsToday);
    }

    private static string Describe(Signal s) => $"{s.Time:O}|{s.Kind}|{string.Join(",", s.Legs)}|{s.StopLoss}|{s.Target}|{s.Confidence}|{s.Reason}";
}
