using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Kernel;

/// <summary>
/// Which strategies hear which instrument. Routes are immutable arrays replaced on change, so a
/// strategy that starts or stops watching while a tick is being handled never disturbs the
/// iteration, and the hot path allocates nothing.
/// </summary>
public sealed partial class KernelCore
{
    private void Subscribe(StrategySlot slot)
    {
        foreach (var instrument in slot.Strategy!.BarInstruments.Distinct())
        {
            var route = RouteOf(instrument);
            var feed = Array.Find(route.Feeds, f => f.Aggregator.Timeframe == slot.Settings.Timeframe);
            if (feed is null)
            {
                feed = new BarFeed(new BarAggregator(instrument, slot.Settings.Timeframe));
                route.Feeds = [.. route.Feeds, feed];
            }

            feed.Subscribers = [.. feed.Subscribers, slot];
        }

        foreach (var instrument in slot.Strategy.TickInstruments.Distinct())
        {
            Watch(slot, instrument);
        }
    }

    private void Unsubscribe(StrategySlot slot)
    {
        foreach (var route in _routes.Values)
        {
            foreach (var feed in route.Feeds)
            {
                feed.Subscribers = Array.FindAll(feed.Subscribers, s => s != slot);
            }

            route.Feeds = Array.FindAll(route.Feeds, f => f.Subscribers.Length > 0);
            route.Watchers = Array.FindAll(route.Watchers, s => s != slot);
        }
    }

    private void Watch(StrategySlot slot, InstrumentId instrument)
    {
        var route = RouteOf(instrument);
        if (Array.IndexOf(route.Watchers, slot) < 0)
        {
            route.Watchers = [.. route.Watchers, slot];
        }
    }

    private void Unwatch(StrategySlot slot, InstrumentId instrument)
    {
        if (_routes.TryGetValue(instrument, out var route))
        {
            route.Watchers = Array.FindAll(route.Watchers, s => s != slot);
        }
    }

    private Route RouteOf(InstrumentId instrument)
    {
        if (!_routes.TryGetValue(instrument, out var route))
        {
            route = new Route();
            _routes[instrument] = route;
        }

        return route;
    }

    private sealed class Route
    {
        public BarFeed[] Feeds { get; set; } = [];

        public StrategySlot[] Watchers { get; set; } = [];
    }

    private sealed class BarFeed(BarAggregator aggregator)
    {
        public BarAggregator Aggregator { get; } = aggregator;

        public StrategySlot[] Subscribers { get; set; } = [];

        /// <summary>The start of the bar <see cref="OnBar"/> delivered early, because a recorded bar completed it.</summary>
        public DateTimeOffset? DeliveredStart { get; set; }
    }
}
