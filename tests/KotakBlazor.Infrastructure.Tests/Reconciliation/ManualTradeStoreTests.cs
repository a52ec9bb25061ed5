using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Reconciliation;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Reconciliation;

public sealed class ManualTradeStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);
    private static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);
    private static readonly InstrumentId NiftyPut = new(ExchangeSegment.NseFo, 43216);

    [Fact]
    public async Task A_manual_order_seen_on_every_pass_stays_one_trade_with_its_first_detection_time()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new ManualTradeStore(db.ContextFactory);
        var first = OrderFound("N-777", 25, 101.20m, At);
        await store.RecordAsync(first, None);

        // The next pass: the order filled more, at a new average.
        var again = await store.RecordAsync(OrderFound("N-777", 75, 100.85m, At.AddMinutes(1)), None);

        Assert.Equal(first with { Quantity = 75, AveragePrice = 100.85m }, again);
        Assert.Equal([again], await store.LoadAsync(None));
    }

    [Fact]
    public async Task A_broker_order_already_adopted_is_updated_and_keeps_the_decision()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new ManualTradeStore(db.ContextFactory);
        var found = await store.RecordAsync(OrderFound("N-778", 25, 101m, At), None);
        await store.ResolveAsync(found.Id, ManualTradeStatus.Adopted, "trader1", At.AddMinutes(2), None);

        var seenAgain = await store.RecordAsync(OrderFound("N-778", 50, 101.5m, At.AddMinutes(3)), None);

        Assert.Equal(found.Id, seenAgain.Id);
        Assert.Equal((ManualTradeStatus.Adopted, "trader1", 50), (seenAgain.Status, seenAgain.ResolvedBy, seenAgain.Quantity));
        Assert.Single(await store.LoadAsync(None));
    }

    [Fact]
    public async Task Position_quantity_is_one_trade_per_instrument_product_and_kind_while_still_new()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new ManualTradeStore(db.ContextFactory);
        var found = await store.RecordAsync(PositionFound(NiftyPut, ProductType.Nrml, -75, At), None);

        var sameAgain = await store.RecordAsync(PositionFound(NiftyPut, ProductType.Nrml, -150, At.AddMinutes(1)), None);
        var otherProduct = await store.RecordAsync(PositionFound(NiftyPut, ProductType.Mis, -75, At.AddMinutes(2)), None);
        var asHolding = await store.RecordAsync(PositionFound(NiftyPut, ProductType.Nrml, 10, At.AddMinutes(3)) with { Kind = ManualTradeKind.Holding }, None);

        Assert.Equal(found.Id, sameAgain.Id);
        Assert.Equal(-150, sameAgain.Quantity);
        Assert.Equal(At, sameAgain.DetectedAt);
        Assert.NotEqual(found.Id, otherProduct.Id);
        Assert.NotEqual(found.Id, asHolding.Id);
        Assert.Equal(3, (await store.LoadAsync(None)).Count);
    }

    [Fact]
    public async Task Quantity_found_after_the_trader_ignored_the_last_finding_is_a_new_trade()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new ManualTradeStore(db.ContextFactory);
        var old = await store.RecordAsync(PositionFound(Reliance, ProductType.Cnc, 40, At), None);
        await store.ResolveAsync(old.Id, ManualTradeStatus.Ignored, "trader1", At.AddMinutes(1), None);

        var fresh = await store.RecordAsync(PositionFound(Reliance, ProductType.Cnc, 10, At.AddMinutes(5)), None);

        Assert.NotEqual(old.Id, fresh.Id);
        Assert.Equal(ManualTradeStatus.New, fresh.Status);
        var all = await store.LoadAsync(None);
        Assert.Equal([fresh.Id, old.Id], all.Select(t => t.Id));
        Assert.Equal(40, all[1].Quantity);
    }

    [Fact]
    public async Task Resolving_records_who_and_when_and_an_unknown_id_gives_nothing()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new ManualTradeStore(db.ContextFactory);
        var found = await store.RecordAsync(OrderFound("N-779", 1, 2875.45m, At), None);

        var adopted = await store.ResolveAsync(found.Id, ManualTradeStatus.Adopted, "trader1", At.AddMinutes(4), None);

        Assert.Equal(found with { Status = ManualTradeStatus.Adopted, ResolvedBy = "trader1", ResolvedAt = At.AddMinutes(4) }, adopted);
        Assert.Equal([adopted!], await store.LoadAsync(None));
        Assert.Null(await store.ResolveAsync(Guid.NewGuid(), ManualTradeStatus.Ignored, "trader1", At, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ResolveAsync(found.Id, ManualTradeStatus.New, "trader1", At, None));
    }

    [Fact]
    public async Task Two_passes_racing_over_the_same_broker_order_store_it_once()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new ManualTradeStore(db.ContextFactory);

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.RecordAsync(OrderFound("N-780", 25, 99m, At.AddSeconds(i)), None))));

        var only = Assert.Single(await store.LoadAsync(None));
        Assert.All(recorded, r => Assert.Equal(only.Id, r.Id));
    }

    private static ManualTrade OrderFound(string brokerOrderId, int quantity, decimal price, DateTimeOffset at) =>
        new(Guid.NewGuid(), ManualTradeKind.Order, NiftyPut, "NIFTY26DEC24000PE", ProductType.Nrml, quantity, price, brokerOrderId, at);

    private static ManualTrade PositionFound(InstrumentId instrument, ProductType product, int quantity, DateTimeOffset at) =>
        new(Guid.NewGuid(), ManualTradeKind.Position, instrument, instrument == Reliance ? "RELIANCE-EQ" : "NIFTY26DEC24000PE", product, quantity, null, null, at);
}
