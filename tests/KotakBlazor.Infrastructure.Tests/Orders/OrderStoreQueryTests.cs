using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
using static KotakBlazor.Infrastructure.Tests.Orders.OrderSamples;

namespace KotakBlazor.Infrastructure.Tests.Orders;

public sealed class OrderStoreQueryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Guid Strangle = Guid.NewGuid();
    private static readonly Guid Breakout = Guid.NewGuid();
    private static readonly Guid IronCondor = Guid.NewGuid();

    [Fact]
    public async Task Only_orders_that_are_not_final_are_active_oldest_first()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var statuses = Enum.GetValues<OrderStatus>();
        // Stored newest first, so "oldest first" has to come from the query.
        for (var i = statuses.Length - 1; i >= 0; i--)
        {
            await StoreAsync(store, Pending($"KB-{i}", Open.AddMinutes(i)) with { Status = statuses[i] });
        }

        var active = await store.LoadActiveAsync(None);

        Assert.Equal([OrderStatus.PendingSubmit, OrderStatus.Open, OrderStatus.PartiallyFilled, OrderStatus.Failed], active.Select(o => o.Status));
        Assert.Equal(active.OrderBy(o => o.PlacedAt).Select(o => o.Tag), active.Select(o => o.Tag));
    }

    [Fact]
    public async Task With_no_filter_every_order_comes_newest_first()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = await BookAsync(db);

        var all = await store.QueryAsync(new OrderQuery(), None);

        Assert.Equal(["Q7", "Q6", "Q5", "Q4", "Q3", "Q2", "Q1"], all.Select(o => o.Tag));
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_exclusive()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = await BookAsync(db);

        var window = await store.QueryAsync(new OrderQuery(Since: Open.AddMinutes(2), Until: Open.AddMinutes(5)), None);

        Assert.Equal(["Q5", "Q4", "Q3"], window.Select(o => o.Tag));
    }

    [Fact]
    public async Task Statuses_match_any_listed_and_an_empty_list_matches_none()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = await BookAsync(db);

        var done = await store.QueryAsync(new OrderQuery(Statuses: [OrderStatus.Rejected, OrderStatus.Cancelled]), None);
        var nothing = await store.QueryAsync(new OrderQuery(Statuses: []), None);

        Assert.Equal(["Q6", "Q3"], done.Select(o => o.Tag));
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Symbol_matches_any_part_ignoring_case_and_treats_wildcards_as_letters()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = await BookAsync(db);

        var puts = await store.QueryAsync(new OrderQuery(Symbol: "24000pe"), None);
        var banks = await store.QueryAsync(new OrderQuery(Symbol: " banknifty "), None);
        var wildcard = await store.QueryAsync(new OrderQuery(Symbol: "%"), None);
        // Unescaped, "_" would match the "&" of M&M.
        var underscore = await store.QueryAsync(new OrderQuery(Symbol: "M_M"), None);
        var ampersand = await store.QueryAsync(new OrderQuery(Symbol: "m&m"), None);

        Assert.Equal(["Q4", "Q2"], puts.Select(o => o.Tag));
        Assert.Equal(["Q7"], banks.Select(o => o.Tag));
        Assert.Empty(wildcard);
        Assert.Empty(underscore);
        Assert.Equal(["Q6"], ampersand.Select(o => o.Tag));
    }

    [Fact]
    public async Task Strategy_group_and_limit_narrow_the_list()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = await BookAsync(db);

        var strangle = await store.QueryAsync(new OrderQuery(StrategyId: Strangle), None);
        var condorLegs = await store.QueryAsync(new OrderQuery(GroupId: IronCondor), None);
        var latestTwo = await store.QueryAsync(new OrderQuery(Limit: 2), None);
        var combined = await store.QueryAsync(new OrderQuery(Statuses: [OrderStatus.Filled], StrategyId: Strangle, Symbol: "nifty"), None);

        Assert.Equal(["Q4", "Q2", "Q1"], strangle.Select(o => o.Tag));
        Assert.Equal(["Q5", "Q4"], condorLegs.Select(o => o.Tag));
        Assert.Equal(["Q7", "Q6"], latestTwo.Select(o => o.Tag));
        Assert.Equal(["Q2", "Q1"], combined.Select(o => o.Tag));
    }

    [Fact]
    public async Task Fills_since_a_time_come_oldest_first()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var order = await StoreAsync(store, Pending("KB-F", Open));
        var filled = order with { Status = OrderStatus.Filled, FilledQuantity = 75, UpdatedAt = Open.AddMinutes(3) };

        // Stored out of time order: the query, not the insert order, sorts them.
        await store.SaveAsync(new OrderChange(filled, [],
            [Fill(order, "T3", 25, 101.5m, Open.AddMinutes(3)), Fill(order, "T1", 25, 101m, Open.AddMinutes(1)), Fill(order, "T2", 25, 101.25m, Open.AddMinutes(2))]), None);

        var fromTwo = await store.LoadFillsAsync(Open.AddMinutes(2), None);

        Assert.Equal(["T2", "T3"], fromTwo.Select(f => f.TradeId));
        Assert.Equal([101.25m, 101.5m], fromTwo.Select(f => f.Price));
    }

    [Fact]
    public async Task Events_stamped_with_the_same_instant_keep_the_order_they_were_appended_in()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = new OrderStore(db.ContextFactory);
        var order = await StoreAsync(store, Pending("KB-E", Open));
        var rejected = order with { Status = OrderStatus.Rejected, Reason = "margin", UpdatedAt = Open };

        await store.SaveAsync(new OrderChange(rejected,
            [Moved(order, OrderStatus.PendingSubmit, OrderStatus.Open, Open, "z: ack"), Moved(order, OrderStatus.Open, OrderStatus.Rejected, Open, "a: margin")], []), None);

        Assert.Equal(["intent stored", "z: ack", "a: margin"], (await store.LoadEventsAsync(order.Id, None)).Select(e => e.Detail));
        Assert.Empty(await store.LoadEventsAsync(Guid.NewGuid(), None));
    }

    /// <summary>Seven orders a minute apart (Q1 oldest) across strategies, groups, symbols and statuses.</summary>
    private static async Task<OrderStore> BookAsync(TestDatabase db)
    {
        var store = new OrderStore(db.ContextFactory);
        await StoreAsync(store, Pending("Q1", Open, "NIFTY26DEC24500CE") with { Status = OrderStatus.Filled, StrategyId = Strangle });
        await StoreAsync(store, Pending("Q2", Open.AddMinutes(1), "NIFTY26DEC24000PE") with { Status = OrderStatus.Filled, StrategyId = Strangle });
        await StoreAsync(store, Pending("Q3", Open.AddMinutes(2), "RELIANCE-EQ") with { Status = OrderStatus.Rejected, StrategyId = Breakout });
        await StoreAsync(store, Pending("Q4", Open.AddMinutes(3), "NIFTY26DEC24000PE") with { Status = OrderStatus.Open, StrategyId = Strangle, GroupId = IronCondor });
        await StoreAsync(store, Pending("Q5", Open.AddMinutes(4), "NIFTY26DEC25000CE") with { Status = OrderStatus.Open, GroupId = IronCondor });
        await StoreAsync(store, Pending("Q6", Open.AddMinutes(5), "M&M-EQ") with { Status = OrderStatus.Cancelled });
        await StoreAsync(store, Pending("Q7", Open.AddMinutes(6), "BANKNIFTY26DEC52000CE") with { Status = OrderStatus.PendingSubmit });
        return store;
    }

    private static async Task<Order> StoreAsync(OrderStore store, Order order)
    {
        await store.InsertAsync(order, Created(order), None);
        return order;
    }
}
