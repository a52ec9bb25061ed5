using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static KotakBlazor.Infrastructure.Tests.Orders.OrderSamples;

namespace KotakBlazor.Infrastructure.Tests.Orders;

public sealed class OrderStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_field_of_an_order_survives_the_database_to_the_tick()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var ist = TimeSpan.FromHours(5.5);
        // Odd ticks (sub-millisecond) and an IST offset: the store keeps the instant exactly.
        var placed = new DateTimeOffset(2026, 12, 4, 9, 20, 1, ist).AddTicks(1_234_567);
        // Strategy and group are fixed when the order is placed, so they are part of the intent.
        var intent = Pending("KB-0001", placed, "NIFTY26DEC24500PE", "press-77") with { Side = OrderSide.Sell, StrategyId = Guid.NewGuid(), GroupId = Guid.NewGuid() };
        await store.InsertAsync(intent, Created(intent), None);

        var everything = intent with
        {
            BrokerOrderId = "250412000123456",
            Quantity = 150,
            Type = OrderType.StopLoss,
            Product = ProductType.Mis,
            LimitPrice = 98.05m,
            TriggerPrice = 98.4575m,
            AfterMarket = true,
            Validity = OrderValidity.Ioc,
            Status = OrderStatus.Filled,
            Position = PositionState.Closed,
            Source = OrderSource.Strategy,
            RequestedBy = "strategy:short-strangle",
            Purpose = OrderPurpose.StopLoss,
            ParentOrderId = Guid.NewGuid(),
            FilledQuantity = 150,
            AveragePrice = 98.123456m,
            Reason = "RMS: price outside band; retried",
            UpdatedAt = placed.AddSeconds(9).AddTicks(3),
            LastStatusCheck = placed.AddSeconds(8).AddTicks(5),
            FilledAt = placed.AddSeconds(7).AddTicks(7),
            FirstFailedAt = placed.AddTicks(11),
            LastRetryAt = placed.AddSeconds(1).AddTicks(13),
            RetryCount = 2,
            QuantityAdjustedAt = placed.AddSeconds(2).AddTicks(17),
            ManualDetectedAt = placed.AddSeconds(3).AddTicks(19),
            ClosedAt = placed.AddMinutes(40).AddTicks(23),
        };
        await store.SaveAsync(new OrderChange(everything, [], []), None);

        Assert.Equal(everything, await store.FindAsync(intent.Id, None));
        Assert.Equal(everything, await store.FindByIdempotencyKeyAsync("press-77", None));
        var stored = (await store.FindAsync(intent.Id, None))!;
        Assert.Equal(placed.UtcTicks, stored.PlacedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.PlacedAt.Offset);
    }

    [Fact]
    public async Task An_intent_with_nothing_optional_round_trips_its_nulls()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var bare = Pending("KB-0002", Open) with { Type = OrderType.Market, LimitPrice = null };

        await store.InsertAsync(bare, Created(bare), None);

        var stored = await store.FindAsync(bare.Id, None);
        Assert.Equal(bare, stored);
        Assert.Null(stored!.BrokerOrderId);
        Assert.Null(stored.LimitPrice);
        Assert.Null(stored.LastStatusCheck);
        Assert.Null(await store.FindAsync(Guid.NewGuid(), None));
        Assert.Null(await store.FindByIdempotencyKeyAsync("never-pressed", None));
    }

    [Fact]
    public async Task Rows_read_plainly_enums_as_names_prices_as_exact_text_times_as_utc_ticks()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var order = Pending("KB-0003", Open) with { LimitPrice = 102.35m, Side = OrderSide.Sell };
        await store.InsertAsync(order, Created(order), None);

        await using var connection = new SqliteConnection(db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Side, Status, Type, LimitPrice, typeof(LimitPrice), PlacedAt, InstrumentKey FROM orders;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal("Sell", reader.GetString(0));
        Assert.Equal("PendingSubmit", reader.GetString(1));
        Assert.Equal("Limit", reader.GetString(2));
        Assert.Equal("102.35", reader.GetString(3));
        Assert.Equal("text", reader.GetString(4));
        Assert.Equal(Open.UtcTicks, reader.GetInt64(5));
        Assert.Equal("nse_fo|43215", reader.GetString(6));
    }

    [Fact]
    public async Task A_second_order_with_a_taken_tag_is_refused_and_nothing_is_written()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var first = Pending("KB-0004", Open);
        await store.InsertAsync(first, Created(first), None);
        var clash = Pending("KB-0004", Open.AddSeconds(1));

        var error = await Assert.ThrowsAsync<DuplicateOrderException>(() => store.InsertAsync(clash, Created(clash), None));

        Assert.Contains("KB-0004", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(clash.Id, None));
        Assert.Equal((1, 1), await CountAsync(db));
    }

    [Fact]
    public async Task A_second_order_with_a_taken_idempotency_key_is_refused_and_nothing_is_written()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var first = Pending("KB-0005", Open, idempotencyKey: "button-press-9");
        await store.InsertAsync(first, Created(first), None);
        var doubleClick = Pending("KB-0006", Open.AddMilliseconds(180), idempotencyKey: "button-press-9");

        await Assert.ThrowsAsync<DuplicateOrderException>(() => store.InsertAsync(doubleClick, Created(doubleClick), None));

        Assert.Null(await store.FindAsync(doubleClick.Id, None));
        Assert.Equal(first.Id, (await store.FindByIdempotencyKeyAsync("button-press-9", None))!.Id);
        Assert.Equal((1, 1), await CountAsync(db));
    }

    [Fact]
    public async Task Orders_without_an_idempotency_key_do_not_clash_with_each_other()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var a = Pending("KB-0007", Open);
        var b = Pending("KB-0008", Open);

        await store.InsertAsync(a, Created(a), None);
        await store.InsertAsync(b, Created(b), None);

        Assert.Equal((2, 2), await CountAsync(db));
    }

    [Fact]
    public async Task A_double_click_racing_itself_stores_exactly_one_order()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var presses = Enumerable.Range(0, 6).Select(i => Pending($"KB-1{i:000}", Open, idempotencyKey: "one-press")).ToList();

        var outcomes = await Task.WhenAll(presses.Select(order => Task.Run(async () =>
        {
            try
            {
                await store.InsertAsync(order, Created(order), None);
                return true;
            }
            catch (DuplicateOrderException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(stored => stored));
        Assert.Equal((1, 1), await CountAsync(db));
    }

    [Fact]
    public async Task Saving_a_change_updates_the_order_appends_its_events_in_order_and_skips_known_trades()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var intent = Pending("KB-0009", Open) with { BrokerOrderId = "N1" };
        await store.InsertAsync(intent, Created(intent), None);
        var t = Open.AddSeconds(2);

        var partly = intent with { Status = OrderStatus.PartiallyFilled, FilledQuantity = 50, AveragePrice = 102.30m, UpdatedAt = t };
        await store.SaveAsync(new OrderChange(partly,
            [Moved(intent, OrderStatus.PendingSubmit, OrderStatus.Open, t, "ack"), Moved(intent, OrderStatus.Open, OrderStatus.PartiallyFilled, t, "50 traded")],
            [Fill(intent, "T1", 25, 102.25m, t), Fill(intent, "T2", 25, 102.35m, t), Fill(intent, "T2", 25, 102.35m, t)]), None);

        // The poll reports T2 again alongside the new T3: T2 is skipped, not an error.
        var filled = partly with { Status = OrderStatus.Filled, FilledQuantity = 75, AveragePrice = 102.3333m, FilledAt = t.AddSeconds(1), UpdatedAt = t.AddSeconds(1) };
        await store.SaveAsync(new OrderChange(filled,
            [Moved(intent, OrderStatus.PartiallyFilled, OrderStatus.Filled, t.AddSeconds(1), "all traded")],
            [Fill(intent, "T2", 25, 102.35m, t), Fill(intent, "T3", 25, 102.40m, t.AddSeconds(1))]), None);

        Assert.Equal(filled, await store.FindAsync(intent.Id, None));
        var history = await store.LoadEventsAsync(intent.Id, None);
        Assert.Equal(["intent stored", "ack", "50 traded", "all traded"], history.Select(e => e.Detail));
        Assert.Equal(OrderStatus.PartiallyFilled, history[3].From);
        var fills = await store.LoadFillsAsync(Open, None);
        Assert.Equal(["T1", "T2", "T3"], fills.Select(f => f.TradeId));
        Assert.Equal(75, fills.Sum(f => f.Quantity));
        Assert.Equal(Fill(intent, "T3", 25, 102.40m, t.AddSeconds(1)), fills[2]);
    }

    [Fact]
    public async Task A_change_that_fails_to_store_leaves_no_event_and_no_fill_behind()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var first = Pending("KB-0010", Open);
        var second = Pending("KB-0011", Open);
        await store.InsertAsync(first, Created(first), None);
        await store.InsertAsync(second, Created(second), None);

        // The second change of the write is refused (its tag differs from the stored one); the first
        // order's new state, event and fill, written before it in the same transaction, roll back too.
        var filled = first with { Status = OrderStatus.Filled, FilledQuantity = 75 };
        var broken = second with { Tag = "KB-0010", Status = OrderStatus.Filled, FilledQuantity = 75 };
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAllAsync(
            [
                new OrderChange(filled, [Moved(first, OrderStatus.PendingSubmit, OrderStatus.Filled, Open)], [Fill(first, "T9", 75, 101m, Open)]),
                new OrderChange(broken, [Moved(second, OrderStatus.PendingSubmit, OrderStatus.Filled, Open)], []),
            ], None));

        Assert.Equal(first, await store.FindAsync(first.Id, None));
        Assert.Single(await store.LoadEventsAsync(first.Id, None));
        Assert.Equal(second, await store.FindAsync(second.Id, None));
        Assert.Single(await store.LoadEventsAsync(second.Id, None));
        Assert.Empty(await store.LoadFillsAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task An_order_changed_twice_in_one_write_keeps_its_last_state_and_every_event_and_fill()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var order = Pending("KB-0013", Open);
        await store.InsertAsync(order, Created(order), None);
        var open = order with { Status = OrderStatus.Open, BrokerOrderId = "250412000000013" };
        var filled = open with { Status = OrderStatus.Filled, FilledQuantity = 75, AveragePrice = 101m };

        await store.SaveAllAsync(
            [
                new OrderChange(open, [Moved(order, OrderStatus.PendingSubmit, OrderStatus.Open, Open)], []),
                new OrderChange(filled, [Moved(open, OrderStatus.Open, OrderStatus.Filled, Open)], [Fill(open, "T13", 75, 101m, Open)]),
            ], None);

        Assert.Equal(filled, await store.FindAsync(order.Id, None));
        Assert.Equal([OrderEventKind.Created, OrderEventKind.StatusChanged, OrderEventKind.StatusChanged],
            (await store.LoadEventsAsync(order.Id, None)).Select(e => e.Kind));
        Assert.Equal("T13", Assert.Single(await store.LoadFillsAsync(DateTimeOffset.MinValue, None)).TradeId);
    }

    [Fact]
    public async Task A_change_to_an_order_never_stored_is_refused()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var ghost = Pending("KB-0012", Open);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(new OrderChange(ghost, [Created(ghost)], []), None));

        Assert.Equal((0, 0), await CountAsync(db));
    }

    [Fact]
    public async Task Changes_saved_together_land_together_or_not_at_all()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var exit = Pending("KB-0020", Open);
        var entry = Pending("KB-0021", Open);
        await store.InsertAsync(exit, Created(exit), None);
        await store.InsertAsync(entry, Created(entry), None);
        var filled = exit with { Status = OrderStatus.Filled, FilledQuantity = exit.Quantity, AveragePrice = 101m, UpdatedAt = Open.AddSeconds(1) };
        var closed = entry with { Position = PositionState.Closed, ClosedAt = Open.AddSeconds(1), UpdatedAt = Open.AddSeconds(1) };
        var ghost = Pending("KB-0022", Open);

        // The last change names an order that was never stored: the first two must not land either.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAllAsync(
            [new OrderChange(filled, [], [Fill(filled, "T20", exit.Quantity, 101m, Open)]), new OrderChange(closed, [], []), new OrderChange(ghost, [], [])], None));
        Assert.Equal(OrderStatus.PendingSubmit, (await store.FindAsync(exit.Id, None))!.Status);
        Assert.Equal(entry.Position, (await store.FindAsync(entry.Id, None))!.Position);
        Assert.Empty(await store.LoadFillsAsync(DateTimeOffset.MinValue, None));

        await store.SaveAllAsync([new OrderChange(filled, [], [Fill(filled, "T20", exit.Quantity, 101m, Open)]), new OrderChange(closed, [], [])], None);
        Assert.Equal(OrderStatus.Filled, (await store.FindAsync(exit.Id, None))!.Status);
        Assert.Equal(PositionState.Closed, (await store.FindAsync(entry.Id, None))!.Position);
        Assert.Single(await store.LoadFillsAsync(DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task Events_or_fills_of_another_order_are_refused_before_anything_is_written()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var order = Pending("KB-0013", Open);
        var other = Pending("KB-0014", Open);

        await Assert.ThrowsAsync<ArgumentException>("created", () => store.InsertAsync(order, Created(other), None));
        await Assert.ThrowsAsync<ArgumentException>("change", () => store.SaveAsync(new OrderChange(order, [], [Fill(other, "T1", 1, 1m, Open)]), None));

        Assert.Equal((0, 0), await CountAsync(db));
    }

    [Fact]
    public async Task Many_orders_saved_at_once_from_many_threads_all_land()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var orders = Enumerable.Range(0, 24).Select(i => Pending($"KB-2{i:000}", Open.AddMilliseconds(i))).ToList();
        foreach (var order in orders)
        {
            await store.InsertAsync(order, Created(order), None);
        }

        await Task.WhenAll(orders.Select((order, i) => Task.Run(() => store.SaveAsync(new OrderChange(
            order with { Status = OrderStatus.Filled, FilledQuantity = order.Quantity, AveragePrice = 100m + i, UpdatedAt = Open.AddSeconds(1) },
            [Moved(order, OrderStatus.PendingSubmit, OrderStatus.Filled, Open.AddSeconds(1))],
            [Fill(order, $"T-{i}", order.Quantity, 100m + i, Open.AddSeconds(1))]), None))));

        Assert.Empty(await store.LoadActiveAsync(None));
        Assert.Equal(24, (await store.LoadFillsAsync(Open, None)).Count);
        Assert.Equal((24, 48), await CountAsync(db));
        foreach (var (order, i) in orders.Select((o, i) => (o, i)))
        {
            Assert.Equal(100m + i, (await store.FindAsync(order.Id, None))!.AveragePrice);
        }
    }

    private static async Task<(int Orders, int Events)> CountAsync(TestDatabase db)
    {
        await using var context = await db.ContextFactory.CreateDbContextAsync();
        return (await context.Orders.CountAsync(), await context.OrderEvents.CountAsync());
    }
}
