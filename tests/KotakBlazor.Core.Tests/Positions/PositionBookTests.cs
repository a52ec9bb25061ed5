using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using static KotakBlazor.Core.Tests.Positions.TestFills;

namespace KotakBlazor.Core.Tests.Positions;

public sealed class PositionBookTests
{
    private readonly PositionBook _book = new();

    private Position Account(ProductType product = ProductType.Nrml) =>
        _book.Snapshot(TestTicks.Ist(10, 0)).Positions.Single(p => p.Product == product);

    [Fact]
    public void Average_cost_realizes_against_the_average_and_keeps_it_for_the_rest()
    {
        _book.Apply(Buy(100, 10m));
        _book.Apply(Buy(100, 12m));   // average (1000 + 1200) / 200 = 11
        _book.Apply(Sell(150, 13m));  // realized (13 - 11) x 150 = 300
        _book.Mark(Call, 15m);        // unrealized (15 - 11) x 50 = 200

        var position = Account();

        Assert.Equal(200, position.BuyQuantity);
        Assert.Equal(150, position.SellQuantity);
        Assert.Equal(2200m, position.BuyAmount);
        Assert.Equal(1950m, position.SellAmount);
        Assert.Equal(50, position.NetQuantity);
        Assert.Equal(11m, position.AveragePrice);
        Assert.Equal(300m, position.RealizedPnl);
        Assert.Equal(200m, position.UnrealizedPnl);
        // Broker: 1950 - 2200 + 50 x 15 = 500.
        Assert.Equal(500m, position.Pnl);
        Assert.Equal(750m, position.Exposure);
        Assert.Equal(11m, position.BuyAveragePrice);
        Assert.Equal(13m, position.SellAveragePrice);
    }

    [Fact]
    public void Short_reversed_to_long_realizes_the_short_and_opens_the_excess_at_the_trade_price()
    {
        _book.Apply(Sell(75, 200m));
        _book.Apply(Buy(150, 180m));  // closes 75: (200 - 180) x 75 = 1500; opens long 75 @ 180
        _book.Mark(Call, 190m);       // unrealized (190 - 180) x 75 = 750

        var position = Account();

        Assert.Equal(75, position.NetQuantity);
        Assert.Equal(180m, position.AveragePrice);
        Assert.Equal(1500m, position.RealizedPnl);
        Assert.Equal(750m, position.UnrealizedPnl);
        // Broker: 15000 - 27000 + 75 x 190 = 2250.
        Assert.Equal(2250m, position.Pnl);
    }

    [Fact]
    public void Short_position_gains_when_the_price_falls()
    {
        _book.Apply(Sell(65, 120m));
        _book.Mark(Call, 100m);  // (120 - 100) x 65 = 1300

        Assert.Equal(-65, _book.NetQuantity(Call, ProductType.Nrml));
        Assert.Equal(1300m, _book.DayPnl);
        Assert.Equal(6500m, _book.TotalExposure);
        Assert.Equal(120m, Account().AveragePrice);
    }

    [Fact]
    public void Broker_formula_equals_realized_plus_unrealized_over_a_random_day()
    {
        var random = new Random(20251124);
        var instruments = new[] { Call, Put, Reliance };
        var products = new[] { ProductType.Nrml, ProductType.Mis };
        for (var i = 0; i < 400; i++)
        {
            var instrument = instruments[random.Next(instruments.Length)];
            var price = Math.Round(50m + (decimal)random.NextDouble() * 100m, 2);
            if (random.Next(3) == 0)
            {
                _book.Mark(instrument, price);
                continue;
            }

            var quantity = random.Next(1, 20) * 7;
            var product = products[random.Next(products.Length)];
            var strategy = random.Next(2) == 0 ? (Guid?)null : Guid.Empty;
            _book.Apply(random.Next(2) == 0 ? Buy(quantity, price, instrument, strategy, product) : Sell(quantity, price, instrument, strategy, product));
        }

        var snapshot = _book.Snapshot(TestTicks.Ist(15, 30));
        foreach (var p in snapshot.Positions.Concat(snapshot.Strategies.SelectMany(s => s.Positions)))
        {
            Assert.Equal(p.SellAmount - p.BuyAmount + (p.NetQuantity * p.LastPrice * p.Multiplier), p.Pnl);
            Assert.Equal(p.Pnl, p.RealizedPnl + p.UnrealizedPnl);
        }

        Assert.Equal(snapshot.Positions.Sum(p => p.Pnl), snapshot.DayPnl);
        Assert.Equal(_book.DayPnl, snapshot.DayPnl);
        Assert.Equal(_book.RealizedPnl + _book.UnrealizedPnl, _book.DayPnl);
        // The strategy shares partition the account.
        Assert.Equal(snapshot.DayPnl, snapshot.Strategies.Sum(s => s.Pnl));
    }

    [Fact]
    public void The_same_trade_applied_twice_changes_nothing()
    {
        var fill = Buy(65, 100m, tradeId: "T-42");

        Assert.True(_book.Apply(fill));
        var version = _book.Version;
        Assert.False(_book.Apply(fill));
        Assert.False(_book.Apply(fill with { Quantity = 130 }));

        Assert.Equal(65, _book.NetQuantity(Call, ProductType.Nrml));
        Assert.Equal(version, _book.Version);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-65, 100)]
    [InlineData(65, 0)]
    public void Bad_fills_are_refused(int quantity, decimal price)
    {
        Assert.Throws<ArgumentException>(() => _book.Apply(Buy(65, 100m) with { Quantity = quantity, Price = price }));
        Assert.Throws<ArgumentException>(() => _book.Apply(Buy(65, 100m, tradeId: " ")));
    }

    [Fact]
    public void Tick_before_any_position_is_remembered_and_values_the_first_fill()
    {
        _book.Mark(Call, 105m);
        _book.Apply(Buy(65, 100m));  // unrealized (105 - 100) x 65 = 325

        Assert.Equal(105m, _book.LastPrice(Call));
        Assert.Equal(325m, _book.UnrealizedPnl);
    }

    [Fact]
    public void Until_a_tick_arrives_the_latest_fill_price_is_the_last_price()
    {
        _book.Apply(Buy(65, 100m));
        Assert.Equal(100m, _book.LastPrice(Call));
        Assert.Equal(0m, _book.DayPnl);

        _book.Apply(Buy(65, 102m));
        Assert.Equal(102m, _book.LastPrice(Call));

        _book.Mark(Call, 101m);
        _book.Apply(Buy(65, 99m));  // a fill never overrides a tick
        Assert.Equal(101m, _book.LastPrice(Call));
        Assert.Null(_book.LastPrice(Put));
    }

    [Fact]
    public void Marks_that_are_not_positive_are_ignored()
    {
        _book.Apply(Buy(65, 100m));
        _book.Mark(Call, 0m);
        _book.Mark(Call, -5m);

        Assert.Equal(100m, _book.LastPrice(Call));
    }

    [Fact]
    public void Version_moves_on_fills_and_on_marks_that_change_a_held_price()
    {
        _book.Mark(Put, 10m);
        Assert.Equal(0, _book.Version);   // nothing held in it

        _book.Apply(Buy(65, 100m));
        Assert.Equal(1, _book.Version);
        _book.Mark(Call, 100m);
        Assert.Equal(1, _book.Version);   // same price
        _book.Mark(Call, 101m);
        Assert.Equal(2, _book.Version);
        Assert.Equal(2, _book.Snapshot(TestTicks.Ist(10, 1)).Version);
    }

    [Fact]
    public void Mark_does_not_allocate()
    {
        _book.Apply(Buy(65, 100m));
        _book.Mark(Call, 100.05m);
        _book.Mark(Put, 50m);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _book.Mark(Call, 100m + (i % 20 * 0.05m));
            _book.Mark(Put, 50m + (i % 20 * 0.05m));
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Products_are_separate_positions_and_exposure_adds_them_up()
    {
        _book.Apply(Buy(50, 100m, product: ProductType.Nrml));
        _book.Apply(Sell(50, 100m, product: ProductType.Mis));
        _book.Mark(Call, 110m);

        Assert.Equal(50, _book.NetQuantity(Call, ProductType.Nrml));
        Assert.Equal(-50, _book.NetQuantity(Call, ProductType.Mis));
        Assert.Equal(0, _book.NetQuantity(Call, ProductType.Cnc));
        Assert.Equal(2, _book.OpenPositionCount);
        Assert.Equal(11_000m, _book.ExposureOf(Call));  // (50 + 50) x 110
        Assert.Equal(0m, _book.ExposureOf(Put));
        Assert.Equal(0m, _book.DayPnl);                 // +500 on the long, -500 on the short
    }

    [Fact]
    public void Closed_position_stays_in_the_snapshot_with_its_realized_pnl()
    {
        _book.Apply(Buy(65, 100m));
        _book.Apply(Buy(10, 2900m, Reliance, product: ProductType.Cnc));
        Assert.Equal(2, _book.OpenPositionCount);

        _book.Apply(Sell(65, 104m));  // (104 - 100) x 65 = 260
        var snapshot = _book.Snapshot(TestTicks.Ist(11, 0));

        Assert.Equal(1, _book.OpenPositionCount);
        Assert.Equal(1, snapshot.OpenPositionCount);
        var closed = snapshot.Positions.Single(p => p.Instrument == Call);
        Assert.False(closed.IsOpen);
        Assert.Equal(260m, closed.RealizedPnl);
        Assert.Equal(0m, closed.AveragePrice);
        Assert.Equal(0m, closed.Exposure);
        Assert.Equal(29_000m, snapshot.TotalExposure);
        Assert.Equal(TestTicks.Ist(11, 0), snapshot.Time);
    }

    [Fact]
    public void Strategy_only_tracks_what_it_bought_itself()
    {
        var strategy = Guid.NewGuid();
        var other = Guid.NewGuid();
        _book.Apply(Buy(50, 100m, strategy: strategy));
        _book.Apply(Buy(25, 100m));                        // the ticket, or an adopted manual holding
        _book.Apply(Sell(65, 90m, Put, strategy: other));  // another strategy's short

        Assert.Equal(75, _book.NetQuantity(Call, ProductType.Nrml));
        Assert.Equal(50, _book.TrackedQuantity(strategy, Call));
        Assert.Equal(0, _book.TrackedQuantity(other, Call));
        Assert.Equal(-65, _book.TrackedQuantity(other, Put));

        _book.Apply(Sell(50, 110m, strategy: strategy));   // (110 - 100) x 50 = 500
        _book.Mark(Call, 110m);
        _book.Mark(Put, 80m);                               // (90 - 80) x 65 = 650

        Assert.Equal(0, _book.TrackedQuantity(strategy, Call));
        var snapshot = _book.Snapshot(TestTicks.Ist(12, 0));
        var mine = snapshot.Strategies.Single(s => s.StrategyId == strategy);
        Assert.Equal(500m, mine.RealizedPnl);
        Assert.Equal(0, mine.OpenPositionCount);
        var manual = snapshot.Strategies.Single(s => s.StrategyId is null);
        Assert.Equal(250m, manual.UnrealizedPnl);           // (110 - 100) x 25
        var theirs = snapshot.Strategies.Single(s => s.StrategyId == other);
        Assert.Equal(650m, theirs.Pnl);
        Assert.Equal(5200m, theirs.Exposure);               // 65 x 80
        Assert.Equal(1400m, snapshot.DayPnl);               // 500 + 250 + 650
    }

    [Fact]
    public void Strategy_tracked_quantity_adds_up_its_products()
    {
        var strategy = Guid.NewGuid();
        _book.Apply(Buy(50, 100m, strategy: strategy, product: ProductType.Mis));
        _book.Apply(Buy(25, 100m, strategy: strategy, product: ProductType.Nrml));

        Assert.Equal(75, _book.TrackedQuantity(strategy, Call));
    }

    [Fact]
    public void Multiplier_scales_amounts_pnl_and_exposure_but_not_the_average_price()
    {
        _book.SetMultiplier(Put, 1000m);
        _book.Apply(Buy(2, 83.5m, Put));
        _book.Mark(Put, 83.6m);

        var position = _book.Snapshot(TestTicks.Ist(10, 0)).Positions.Single();

        Assert.Equal(167_000m, position.BuyAmount);        // 2 x 83.5 x 1000
        Assert.Equal(83.5m, position.AveragePrice);
        Assert.Equal(200m, position.UnrealizedPnl);        // 2 x 0.1 x 1000
        Assert.Equal(167_200m, position.Exposure);
        Assert.Equal(1000m, _book.Multiplier(Put));
        Assert.Equal(1m, _book.Multiplier(Call));
    }

    [Fact]
    public void Multiplier_cannot_change_under_a_position()
    {
        _book.Apply(Buy(2, 83.5m, Put));

        Assert.Throws<InvalidOperationException>(() => _book.SetMultiplier(Put, 1000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => _book.SetMultiplier(Call, 0m));
        _book.SetMultiplier(Put, 1m);  // unchanged is fine
    }

    [Fact]
    public void Day_roll_carries_open_positions_at_the_previous_close_and_restarts_realized_pnl()
    {
        var day1 = TestTicks.TradingDay;
        var day2 = day1.AddDays(1);
        var strategy = Guid.NewGuid();
        _book.Reset(day1);
        _book.Apply(Buy(100, 100m, strategy: strategy, time: TestTicks.Ist(day1, 10, 0)));
        _book.Apply(Sell(50, 104m, strategy: strategy, time: TestTicks.Ist(day1, 11, 0)));  // realized 200
        _book.Apply(Buy(10, 2900m, Reliance, time: TestTicks.Ist(day1, 11, 0)));
        _book.Apply(Sell(10, 2910m, Reliance, time: TestTicks.Ist(day1, 12, 0)));          // closed, realized 100
        _book.Mark(Call, 110m);                                                           // the close
        Assert.Equal(300m + 500m, _book.DayPnl);                                          // + (110 - 100) x 50

        _book.Reset(day2);

        var position = Assert.Single(_book.Snapshot(TestTicks.Ist(day2, 9, 0)).Positions);
        Assert.Equal(50, position.NetQuantity);
        Assert.Equal(110m, position.AveragePrice);
        Assert.Equal(50, position.BuyQuantity);
        Assert.Equal(0, position.SellQuantity);
        Assert.Equal(0m, position.RealizedPnl);
        Assert.Equal(0m, _book.DayPnl);
        Assert.Equal(50, _book.TrackedQuantity(strategy, Call));
        Assert.Equal(1, _book.OpenPositionCount);
        Assert.Equal(day2, _book.TradingDay);

        _book.Mark(Call, 112m);
        Assert.Equal(100m, _book.DayPnl);                                                 // (112 - 110) x 50
        Assert.Equal(100m, _book.Snapshot(TestTicks.Ist(day2, 9, 20)).Strategies.Single().Pnl);
    }

    [Fact]
    public void Day_roll_carries_a_short_and_refuses_fills_from_before_the_day()
    {
        var day1 = TestTicks.TradingDay;
        var day2 = day1.AddDays(1);
        _book.Apply(Sell(65, 120m, tradeId: "T-y1", time: TestTicks.Ist(day1, 10, 0)));
        _book.Mark(Call, 115m);

        _book.Reset(day2);
        _book.Mark(Call, 118m);  // the short loses (118 - 115) x 65 = 195 today

        Assert.Equal(-195m, _book.DayPnl);
        Assert.False(_book.Apply(Sell(65, 120m, tradeId: "T-y2", time: TestTicks.Ist(day1, 15, 29))));
        Assert.Equal(-65, _book.NetQuantity(Call, ProductType.Nrml));

        _book.Apply(Buy(65, 117m, time: TestTicks.Ist(day2, 10, 0)));  // (115 - 117) x 65 = -130
        Assert.Equal(-130m, _book.RealizedPnl);
        Assert.Equal(0, _book.OpenPositionCount);
    }

    [Fact]
    public void Rolling_to_the_same_day_changes_nothing_and_days_never_go_back()
    {
        var day = TestTicks.TradingDay;
        _book.Reset(day);
        _book.Apply(Buy(65, 100m));
        _book.Apply(Sell(65, 101m));
        var version = _book.Version;

        _book.Reset(day);

        Assert.Equal(65m, _book.RealizedPnl);
        Assert.Equal(version, _book.Version);
        Assert.Throws<ArgumentOutOfRangeException>(() => _book.Reset(day.AddDays(-1)));
    }

    [Fact]
    public void Snapshot_is_not_changed_by_later_fills()
    {
        _book.Apply(Buy(65, 100m));
        var before = _book.Snapshot(TestTicks.Ist(10, 0));

        _book.Apply(Buy(65, 100m));
        _book.Mark(Call, 120m);

        Assert.Equal(65, before.Positions.Single().NetQuantity);
        Assert.Equal(0m, before.DayPnl);
    }
}
