using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Infrastructure.Signals;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Signals;

public sealed class SignalStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_multi_leg_signal_round_trips_exactly()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new SignalStore(db.ContextFactory);
        var strangle = new Signal(Guid.NewGuid(), "Short strangle", "straddle-strangle", At, SignalKind.Entry,
            [
                new SignalLeg(new InstrumentId(ExchangeSegment.NseFo, 900001), "NIFTY26NOV26500CE", OrderSide.Sell, 130, OrderType.Limit, 41.35m),
                new SignalLeg(new InstrumentId(ExchangeSegment.NseFo, 900002), "NIFTY26NOV25500PE", OrderSide.Sell, 130, OrderType.Limit, 38.10m),
            ],
            ProductType.Nrml, 119.45m, 39.80m, 0.72m, "IV 14.2% above 13% at 09:20", new Dictionary<string, string> { ["combinedPremium"] = "79.45" });

        await store.AppendAsync([strangle], CancellationToken.None);
        var stored = Assert.Single(await store.RecentAsync(10, null, CancellationToken.None));

        Assert.Equal(strangle.Legs, stored.Legs);
        Assert.Equal(strangle.Metadata, stored.Metadata);
        Assert.Equal(strangle with { Legs = stored.Legs, Metadata = stored.Metadata }, stored);
    }

    [Fact]
    public async Task Recent_signals_come_newest_first_and_are_counted_per_strategy_since_a_time()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new SignalStore(db.ContextFactory);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Signal Make(Guid id, int minutes) => new(id, "s", "k", At.AddMinutes(minutes), SignalKind.Entry,
            [new SignalLeg(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", OrderSide.Buy, 1, OrderType.Market, 1500m)],
            ProductType.Mis, null, null, 0.5m, "r", new Dictionary<string, string>());
        await store.AppendAsync([Make(a, -60 * 24), Make(a, 1), Make(b, 2), Make(a, 3)], CancellationToken.None);

        var recent = await store.RecentAsync(2, null, CancellationToken.None);
        var counts = await store.CountSinceAsync(At, CancellationToken.None);

        Assert.Equal([At.AddMinutes(3), At.AddMinutes(2)], recent.Select(s => s.Time));
        Assert.Equal(2, counts[a]);
        Assert.Equal(1, counts[b]);
    }
}
