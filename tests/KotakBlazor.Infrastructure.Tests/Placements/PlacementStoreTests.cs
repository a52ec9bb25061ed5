using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Placements;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Placements;

/// <summary>Placements on a real SQLite file: what the desk stores is what a refreshed page, another browser or a restarted app reads.</summary>
public sealed class PlacementStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private TestDatabase _database = null!;
    private PlacementStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await new TestDatabase().InitializedAsync();
        _store = new PlacementStore(_database.ContextFactory);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_placement_comes_back_exactly_as_stored_legs_plan_and_links_in_order()
    {
        var placement = PlacementSamples.Planned(Now);

        Assert.True(await _store.TryCreateAsync(placement, None));
        var read = await new PlacementStore(new TestDatabase.SqliteContextFactory(_database.Options.ConnectionString)).FindAsync(placement.Id, None);

        Assert.NotNull(read);
        Assert.Equal(placement.Legs, read.Legs);
        Assert.Equal(placement.Orders, read.Orders);
        Assert.Equal((placement.Kind, placement.Status, placement.CreatedAt, placement.Expiry, placement.MaxLotsPerBatch), (read.Kind, read.Status, read.CreatedAt, read.Expiry, read.MaxLotsPerBatch));
        Assert.Equal(90.05m, read.Legs[1].LimitPrice);
    }

    [Fact]
    public async Task The_same_id_is_stored_once()
    {
        var placement = PlacementSamples.Planned(Now);
        Assert.True(await _store.TryCreateAsync(placement, None));

        Assert.False(await _store.TryCreateAsync(placement with { StrategyName = "second tab" }, None));

        Assert.Equal("NIFTY short strangle", (await _store.FindAsync(placement.Id, None))!.StrategyName);
    }

    [Fact]
    public async Task Saving_records_status_reasons_order_links_and_appended_unwinds_in_one_go()
    {
        var placement = PlacementSamples.Planned(Now);
        await _store.TryCreateAsync(placement, None);
        var orderId = Guid.NewGuid();
        var sent = placement with
        {
            Status = PlacementStatus.Stopped,
            StopReason = "Batch 2: SELL 1,300 NIFTY26D0825700PE was rejected: RMS.",
            HedgeAlert = "Call/put imbalance",
            UpdatedAt = Now.AddSeconds(3),
            Orders =
            [
                placement.Orders[0] with { OrderId = orderId, Tag = "KB0123456789ABCDEF01", BrokerOrderId = "2612040001", Status = OrderStatus.Filled, FilledQuantity = 1300, AveragePrice = 80.05m },
                .. placement.Orders.Skip(1),
                new PlacementOrder(PlacementPhase.Unwind, 1, 1, 0, 0, OrderSide.Buy, 1300, PlacementKeys.For(placement.Id, PlacementPhase.Unwind, 1, 1, 0, 0)),
            ],
        };

        await _store.SaveAsync(sent, None);
        var read = (await _store.FindAsync(placement.Id, None))!;

        Assert.Equal(sent.Orders, read.Orders);
        Assert.Equal((PlacementStatus.Stopped, sent.StopReason, "Call/put imbalance", Now.AddSeconds(3)), (read.Status, read.StopReason, read.HedgeAlert, read.UpdatedAt));
        Assert.Equal(PlacementPhase.Unwind, read.Orders[^1].Phase);
    }

    [Fact]
    public async Task Loading_brings_recent_placements_and_older_ones_still_busy_or_holding_with_what_acted_on_them()
    {
        var old = Now.AddDays(-10);
        var recent = PlacementSamples.Planned(Now) with { Status = PlacementStatus.Completed };
        var oldOpen = PlacementSamples.Planned(old) with { Status = PlacementStatus.Kept };
        var oldRoll = PlacementSamples.Planned(old.AddHours(1), kind: PlacementKind.Roll, parent: oldOpen.Id) with { Status = PlacementStatus.Completed };
        var oldStopped = PlacementSamples.Planned(old) with { Status = PlacementStatus.Stopped };
        var oldClosed = PlacementSamples.Planned(old) with { Status = PlacementStatus.Completed, ClosedAt = old.AddHours(2) };
        var oldUnwound = PlacementSamples.Planned(old) with { Status = PlacementStatus.Unwound, ClosedAt = old.AddHours(2) };
        foreach (var placement in new[] { recent, oldOpen, oldRoll, oldStopped, oldClosed, oldUnwound })
        {
            await _store.TryCreateAsync(placement, None);
        }

        var loaded = await _store.LoadAsync(Now.AddDays(-7), None);

        Assert.Equal(recent.Id, loaded[0].Id);
        Assert.Equal(new[] { recent.Id, oldOpen.Id, oldRoll.Id, oldStopped.Id }.Order(), loaded.Select(p => p.Id).Order());
        Assert.All(loaded, p => Assert.Equal(4, p.Orders.Count));
    }
}
