using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;
using static KotakBlazor.Core.Tests.Positions.TestFills;

namespace KotakBlazor.Core.Tests.Journal;

public sealed class RoundTripBuilderTests
{
    private static readonly Guid OrderA = new("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid OrderB = new("bbbbbbbb-0000-0000-0000-000000000002");
    private static readonly Guid OrderC = new("cccccccc-0000-0000-0000-000000000003");

    private static DateTimeOffset At(int hour, int minute) => TestTicks.Ist(hour, minute);

    [Fact]
    public void Long_round_trip_carries_prices_times_and_pnl()
    {
        var trips = RoundTripBuilder.Build(
        [
            Buy(65, 100m, time: At(10, 0), orderId: OrderA),
            Sell(65, 110m, time: At(10, 30), orderId: OrderB),
        ]);

        var trip = Assert.Single(trips);
        Assert.Equal(OrderA.ToString(), trip.Id);
        Assert.Equal(TradeDirection.Long, trip.Direction);
        Assert.Equal(Call, trip.Instrument);
        Assert.Equal("NIFTY25D0226000CE", trip.TradingSymbol);
        Assert.Equal(ProductType.Nrml, trip.Product);
        Assert.Equal(65, trip.Quantity);
        Assert.Equal(100m, trip.EntryPrice);
        Assert.Equal(110m, trip.ExitPrice);
        Assert.Equal(At(10, 0), trip.EntryTime);
        Assert.Equal(At(10, 30), trip.ExitTime);
        Assert.Equal(TimeSpan.FromMinutes(30), trip.HoldingTime);
        Assert.Equal(650m, trip.Pnl);  // (110 - 100) x 65
        Assert.Null(trip.Note);
    }

    [Fact]
    public void Short_round_trip_gains_when_bought_back_lower()
    {
        var trip = Assert.Single(RoundTripBuilder.Build([Sell(75, 200m, time: At(9, 30)), Buy(75, 180m, time: At(11, 0))]));

        Assert.Equal(TradeDirection.Short, trip.Direction);
        Assert.Equal(1_500m, trip.Pnl);  // (200 - 180) x 75
    }

    [Fact]
    public void Partial_exits_split_the_entry_into_round_trips_with_numbered_ids()
    {
        var trips = RoundTripBuilder.Build(
        [
            Buy(130, 100m, time: At(10, 0), orderId: OrderA),
            Sell(65, 105m, time: At(10, 10), orderId: OrderB),
            Sell(65, 95m, time: At(10, 20), orderId: OrderC),
        ]);

        Assert.Equal([OrderA.ToString(), $"{OrderA}#2"], trips.Select(t => t.Id));
        Assert.Equal([325m, -325m], trips.Select(t => t.Pnl));  // (105 - 100) x 65, (95 - 100) x 65
        Assert.All(trips, t => Assert.Equal(65, t.Quantity));
        Assert.All(trips, t => Assert.Equal(At(10, 0), t.EntryTime));
    }

    [Fact]
    public void Exit_closes_the_oldest_entry_first_and_the_rest_stays_open()
    {
        var trips = RoundTripBuilder.Build(
        [
            Buy(65, 100m, time: At(10, 0), orderId: OrderA),
            Buy(65, 110m, time: At(10, 5), orderId: OrderB),
            Sell(65, 120m, time: At(10, 10), orderId: OrderC),
        ]);

        var trip = Assert.Single(trips);
        Assert.Equal(OrderA.ToString(), trip.Id);
        Assert.Equal(1_300m, trip.Pnl);  // FIFO: (120 - 100) x 65, not against the 110 entry
    }

    [Fact]
    public void Exit_larger_than_the_position_closes_it_and_opens_the_other_way()
    {
        var trips = RoundTripBuilder.Build(
        [
            Buy(65, 100m, time: At(10, 0), orderId: OrderA),
            Sell(130, 90m, time: At(10, 10), orderId: OrderB),
            Buy(65, 80m, time: At(10, 20), orderId: OrderC),
        ]);

        Assert.Equal(2, trips.Count);
        Assert.Equal((OrderA.ToString(), TradeDirection.Long, -650m), (trips[0].Id, trips[0].Direction, trips[0].Pnl));   // (90 - 100) x 65
        Assert.Equal((OrderB.ToString(), TradeDirection.Short, 650m), (trips[1].Id, trips[1].Direction, trips[1].Pnl));   // (90 - 80) x 65
        Assert.Equal(At(10, 10), trips[1].EntryTime);
        Assert.Equal(90m, trips[1].EntryPrice);
    }

    [Fact]
    public void Fills_of_one_entry_order_are_one_entry_at_their_average()
    {
        var trip = Assert.Single(RoundTripBuilder.Build(
        [
            Buy(50, 100m, Reliance, time: At(10, 0), orderId: OrderA),
            Buy(15, 101m, Reliance, time: At(10, 1), orderId: OrderA),
            Sell(65, 102m, Reliance, time: At(10, 30), orderId: OrderB),
        ]));

        Assert.Equal(65, trip.Quantity);
        Assert.Equal(100.2308m, trip.EntryPrice);  // (5,000 + 1,515) / 65 = 100.230769...
        Assert.Equal(115m, trip.Pnl);              // 6,630 - 6,515
        Assert.Equal(At(10, 0), trip.EntryTime);
    }

    [Fact]
    public void Fills_of_one_exit_order_are_one_exit_at_their_average()
    {
        var trip = Assert.Single(RoundTripBuilder.Build(
        [
            Buy(130, 100m, time: At(10, 0), orderId: OrderA),
            Sell(65, 105m, time: At(10, 30), orderId: OrderB),
            Sell(65, 107m, time: At(10, 31), orderId: OrderB),
        ]));

        Assert.Equal(130, trip.Quantity);
        Assert.Equal(106m, trip.ExitPrice);         // (6,825 + 6,955) / 130
        Assert.Equal(780m, trip.Pnl);               // 13,780 - 13,000
        Assert.Equal(At(10, 31), trip.ExitTime);    // the last exit fill
    }

    [Fact]
    public void One_exit_order_closing_two_entries_makes_two_round_trips()
    {
        var trips = RoundTripBuilder.Build(
        [
            Buy(65, 100m, time: At(10, 0), orderId: OrderA),
            Buy(65, 102m, time: At(10, 5), orderId: OrderB),
            Sell(130, 105m, time: At(10, 30), orderId: OrderC),
        ]);

        Assert.Equal([OrderA.ToString(), OrderB.ToString()], trips.Select(t => t.Id));
        Assert.Equal([325m, 195m], trips.Select(t => t.Pnl));  // (105 - 100) x 65, (105 - 102) x 65
    }

    [Fact]
    public void Strategies_and_products_are_paired_apart()
    {
        var strategy = Guid.NewGuid();
        var trips = RoundTripBuilder.Build(
        [
            Buy(65, 100m, strategy: strategy, time: At(10, 0)),
            Sell(65, 110m, time: At(10, 5)),                             // the ticket: its own short
            Sell(65, 110m, strategy: strategy, product: ProductType.Mis, time: At(10, 6)),
            Sell(65, 111m, strategy: strategy, time: At(10, 10)),
        ]);

        var trip = Assert.Single(trips);
        Assert.Equal(strategy, trip.StrategyId);
        Assert.Equal(715m, trip.Pnl);  // (111 - 100) x 65
    }

    [Fact]
    public void Trade_seen_twice_counts_once_and_order_of_arrival_does_not_matter()
    {
        var entry = Buy(65, 100m, time: At(10, 0), tradeId: "T-1");
        var exit = Sell(65, 110m, time: At(10, 30), tradeId: "T-2");

        var trip = Assert.Single(RoundTripBuilder.Build([exit, entry, entry, exit]));

        Assert.Equal("T-1", trip.Id);  // no order: the entry's trade id
        Assert.Equal(TradeDirection.Long, trip.Direction);
        Assert.Equal(650m, trip.Pnl);
    }

    [Fact]
    public void Ids_stay_the_same_as_more_fills_arrive()
    {
        Fill[] morning =
        [
            Buy(195, 100m, time: At(10, 0), orderId: OrderA),
            Sell(65, 101m, time: At(10, 10), orderId: OrderB),
        ];
        var later = morning.Append(Sell(65, 102m, time: At(11, 0), orderId: OrderC)).ToArray();

        var first = RoundTripBuilder.Build(morning);
        var second = RoundTripBuilder.Build(later);

        Assert.Equal(first[0], second[0]);
        Assert.Equal($"{OrderA}#2", second[1].Id);
    }

    [Fact]
    public void Open_remainder_is_not_a_round_trip()
    {
        Assert.Empty(RoundTripBuilder.Build([Buy(65, 100m), Buy(65, 101m)]));
        Assert.Empty(RoundTripBuilder.Build([]));
    }

    [Fact]
    public void Notes_attach_by_id()
    {
        var trips = RoundTripBuilder.Build([Buy(65, 100m, tradeId: "T-1"), Sell(65, 110m, tradeId: "T-2", time: TestTicks.Ist(11, 0))]);

        var noted = RoundTripBuilder.WithNotes(trips, new Dictionary<string, string> { ["T-1"] = "Waited for the breakout", ["other"] = "x" });

        Assert.Equal("Waited for the breakout", Assert.Single(noted).Note);
        Assert.Null(RoundTripBuilder.WithNotes(trips, new Dictionary<string, string>()).Single().Note);
    }
}
