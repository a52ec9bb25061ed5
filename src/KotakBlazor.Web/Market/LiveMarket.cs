using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.MarketData.Ingestion;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Market;

/// <summary>
/// What the pages read of the market: instruments, latest ticks, candles and feed health.
/// Components use this rather than the engine's types, so the engine can change behind it.
/// </summary>
public sealed class LiveMarket(
    IInstrumentCatalog catalog,
    TickBus bus,
    MarketState state,
    CandleHistory candles,
    TickPipeline pipeline,
    IMarketHours marketHours,
    TimeProvider time)
{
    public MarketWatch Watch(IEnumerable<InstrumentId> instruments) => new(bus.SubscribeLatest(instruments.ToArray()));

    public bool TryGetLatest(InstrumentId id, out Tick tick) => state.TryGetLatest(id, out tick);

    public IReadOnlyList<Bar> GetCandles(InstrumentId id) => candles.GetBars(id);

    public bool TryGetFormingCandle(InstrumentId id, out Bar bar) => candles.TryGetForming(id, out bar);

    public string? Describe(InstrumentId id) => catalog.TryGet(id, out var instrument) ? instrument.Description : null;

    /// <summary>Decimals to show for a price: two for a 0.05 tick, and so on (the division strips trailing zeros).</summary>
    public int PriceDecimals(InstrumentId id) =>
        catalog.TryGet(id, out var instrument) ? (instrument.TickSize / 1.0000000000000000000000000000m).Scale : 2;

    public FeedSummary SummarizeFeeds()
    {
        var now = time.GetUtcNow();
        var open = marketHours.IsOpen(now);
        var feeds = pipeline.Feeds;
        if (feeds.Count == 0)
        {
            return new FeedSummary("Disconnected", "No feed", "No market-data feed is configured for this broker mode.");
        }

        // The worst feed decides the colour; the detail lists each one.
        var statuses = feeds.Select(f => (Feed: f, Status: f.GetStatus(now, open))).ToList();
        var worst = statuses.OrderByDescending(s => Severity(s.Status)).First();
        var detail = string.Join("; ", statuses.Select(s => $"{s.Feed.Name}: {s.Status}, {Age(s.Feed, now)}"));
        var label = worst.Status switch
        {
            FeedStatus.Live => "Live",
            FeedStatus.Stale => "Stale " + Age(worst.Feed, now),
            FeedStatus.MarketClosed => "Market closed",
            FeedStatus.Connecting => "Connecting",
            _ => "Disconnected",
        };
        return new FeedSummary(worst.Status.ToString(), label, detail);
    }

    private static int Severity(FeedStatus status) => status switch
    {
        FeedStatus.Live => 0,
        FeedStatus.MarketClosed => 1,
        FeedStatus.Connecting => 2,
        FeedStatus.Stale => 3,
        _ => 4,
    };

    private static string Age(FeedHealth feed, DateTimeOffset now) => feed.LastTickAt is { } last
        ? (now - last).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s since last tick"
        : "no tick yet";
}
