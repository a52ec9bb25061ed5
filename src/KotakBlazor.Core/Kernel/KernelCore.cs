using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Kernel;

/// <summary>
/// The trading kernel's logic, synchronous and single-threaded: ticks in market order go in,
/// bars, strategy calls and signals come out. Live, <see cref="TradingKernel"/> runs it on one
/// loop; a replay calls it directly with recorded ticks. The same inputs always give the same
/// signals, because nothing here reads a clock or shared state.
/// </summary>
public sealed partial class KernelCore
{
    private readonly IKernelEvents _events;
    private readonly Dictionary<Guid, StrategySlot> _slots = [];
    private readonly Dictionary<InstrumentId, Route> _routes = [];
    private readonly Dictionary<InstrumentId, Tick> _latest = [];
    private StrategyStatus[] _statuses = [];
    private DateOnly _istDate;

    /// <summary>Creates an empty kernel.</summary>
    /// <param name="instruments">The instruments the session knows.</param>
    /// <param name="events">Where the kernel reports what happened.</param>
    /// <param name="hours">When the market takes orders (NSE's session when not given).</param>
    /// <param name="limits">The risk limits to start with (the defaults when not given; stored ones are loaded at start-up).</param>
    public KernelCore(IInstrumentCatalog instruments, IKernelEvents events, IMarketHours? hours = null, RiskLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(events);
        Instruments = instruments;
        _events = events;
        Positions = new PositionBook();
        KillSwitch = new KillSwitch();
        Risk = new RiskEngine(limits ?? RiskLimits.Default, KillSwitch, hours ?? new NseMarketHours(), Positions, instruments);
    }

    /// <summary>The instruments the session knows.</summary>
    public IInstrumentCatalog Instruments { get; }

    /// <summary>The exchange time of the latest input.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Every strategy's status; a fresh array after each change, safe to read from any thread.</summary>
    public IReadOnlyList<StrategyStatus> Strategies => Volatile.Read(ref _statuses);

    /// <summary>Ticks handled so far.</summary>
    public long TickCount { get; private set; }

    /// <summary>Handles one tick: the latest price, bars that close, strategies that watch it.</summary>
    public void OnTick(in Tick tick)
    {
        TickCount++;
        Now = tick.ExchangeTime;
        _latest[tick.Instrument] = tick;
        RollDayIfNeeded();
        MarkPositions(in tick);
        if (!_routes.TryGetValue(tick.Instrument, out var route))
        {
            return;
        }

        var feeds = route.Feeds;
        for (var i = 0; i < feeds.Length; i++)
        {
            var feed = feeds[i];
            if (feed.Aggregator.Update(in tick, out var closed))
            {
                Deliver(feed, in closed);
            }
        }

        var watchers = route.Watchers;
        for (var w = 0; w < watchers.Length; w++)
        {
            watchers[w].DeliverTick(in tick);
        }
    }

    /// <summary>
    /// Handles one recorded bar, for a replay from bars instead of ticks: the clock moves to the
    /// bar's end, the bar's close becomes the instrument's latest price (a tick with no quantity,
    /// volume, bid or ask), and the bar is folded into every timeframe strategies asked for.
    /// </summary>
    /// <remarks>
    /// A recorded bar is final, so a bar that completes an interval closes it at once, where a
    /// tick can only close a bar when the next interval's first tick arrives. Strategies that
    /// watch ticks hear nothing: there are no ticks. Not for the live path, which has ticks.
    /// </remarks>
    /// <exception cref="ArgumentException">A strategy's timeframe is not a whole multiple of the bar's, so the bar cannot be folded into it.</exception>
    public void OnBar(in Bar bar)
    {
        Now = bar.End;
        _latest[bar.Instrument] = new Tick(bar.Instrument, bar.Close, 0, 0, 0, 0m, 0m, 0m, bar.End);
        RollDayIfNeeded();
        if (!_routes.TryGetValue(bar.Instrument, out var route))
        {
            return;
        }

        var feeds = route.Feeds;
        for (var i = 0; i < feeds.Length; i++)
        {
            var feed = feeds[i];
            if (feed.Aggregator.Timeframe.Minutes % bar.Timeframe.Minutes != 0)
            {
                throw new ArgumentException($"A {bar.Timeframe} bar cannot make {feed.Aggregator.Timeframe} bars: the strategy's timeframe must be a whole multiple of the data's.", nameof(bar));
            }

            if (feed.Aggregator.Update(in bar, out var closed) && closed.Start != feed.DeliveredStart)
            {
                Deliver(feed, in closed);
            }

            if (feed.Aggregator.TryGetForming(out var forming) && forming.End == bar.End)
            {
                // Remember it, so that the aggregator handing it back as closed on the next bar does not deliver it twice.
                feed.DeliveredStart = forming.Start;
                Deliver(feed, in forming);
            }
        }
    }

    /// <summary>
    /// Adds a strategy, warms it up on <paramref name="history"/> (1-minute bars, oldest first,
    /// resampled to its timeframe; no signals are emitted while warming up) and, when its
    /// configuration says so, starts it.
    /// </summary>
    /// <param name="settings">The checked configuration.</param>
    /// <param name="history">Stored 1-minute bars to warm up on.</param>
    /// <param name="signalsToday">Signals it raised earlier today (after a restart), for its counter.</param>
    /// <exception cref="InvalidOperationException">A strategy with the same id runs already.</exception>
    public StrategyStatus Add(StrategySettings settings, IEnumerable<Bar>? history = null, int signalsToday = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_slots.ContainsKey(settings.Id))
        {
            throw new InvalidOperationException($"A strategy with id {settings.Id} is running already.");
        }

        var slot = new StrategySlot(this, settings, signalsToday);
        _slots[settings.Id] = slot;
        if (slot.TryCreate())
        {
            slot.WarmUp(history ?? []);
            Subscribe(slot);
        }

        return Publish(slot, removed: false, fault: slot.Fault);
    }

    /// <summary>Enables or disables a strategy. Re-enabling a faulted strategy rebuilds it from its settings.</summary>
    public StrategyStatus? SetEnabled(Guid id, bool enabled)
    {
        if (!_slots.TryGetValue(id, out var slot))
        {
            return null;
        }

        slot.SetEnabled(enabled);
        return Publish(slot, removed: false, fault: null);
    }

    /// <summary>Removes a strategy and everything it watched.</summary>
    public bool Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return false;
        }

        Unsubscribe(slot);
        Publish(slot, removed: true, fault: null);
        return true;
    }

    private static void Deliver(BarFeed feed, in Bar closed)
    {
        var subscribers = feed.Subscribers;
        for (var s = 0; s < subscribers.Length; s++)
        {
            subscribers[s].DeliverBar(in closed);
        }
    }

    private void RollDayIfNeeded()
    {
        var date = IndianMarketTime.IstDate(Now);
        if (date == _istDate)
        {
            return;
        }

        var first = _istDate == default;
        _istDate = date;
        if (!first && (Positions.TradingDay is not { } day || date > day))
        {
            // A new trading day: open positions carry at the previous close, the day's P&L starts again.
            // (Days only move forward: a late tick stamped with an earlier day must not stop the kernel.)
            Positions.Reset(date);
            PublishPortfolio(force: true);
        }

        if (!first && _slots.Count > 0)
        {
            foreach (var slot in _slots.Values)
            {
                slot.ResetDailyCounters();
            }

            RefreshStatuses();
        }
    }

    private StrategyStatus Publish(StrategySlot slot, bool removed, Exception? fault)
    {
        RefreshStatuses();
        var status = slot.Status;
        _events.StrategyChanged(status, removed, fault);
        return status;
    }

    private void RefreshStatuses() =>
        Volatile.Write(ref _statuses, [.. _slots.Values.Select(s => s.Status).OrderBy(s => s.Config.Name, StringComparer.OrdinalIgnoreCase)]);

    // After a signal only one status changed: copy the array and swap that entry, rather than
    // rebuilding and sorting every status on the hot path.
    private void RefreshStatus(StrategySlot slot)
    {
        var current = Volatile.Read(ref _statuses);
        var index = Array.FindIndex(current, s => s.Id == slot.Settings.Id);
        if (index < 0)
        {
            RefreshStatuses();
            return;
        }

        var copy = (StrategyStatus[])current.Clone();
        copy[index] = slot.Status;
        Volatile.Write(ref _statuses, copy);
    }
}
