using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Tests.Positions;

namespace KotakBlazor.Core.Tests.Journal;

public sealed class JournalStatisticsTests
{
    private static readonly DateOnly Day1 = TestTicks.TradingDay;
    private static readonly DateOnly Day2 = Day1.AddDays(1);
    private static readonly Guid S1 = new("11111111-0000-0000-0000-000000000000");
    private static readonly Guid S2 = new("22222222-0000-0000-0000-000000000000");

    private static RoundTrip Trip(string id, decimal pnl, DateOnly day, int hour, Guid? strategy) =>
        new(id, strategy, TestFills.Call, "NIFTY25D0226000CE", ProductType.Nrml, TradeDirection.Long, 65, 100m, 100m + (pnl / 65m),
            TestTicks.Ist(day, 9, 30), TestTicks.Ist(day, hour, 0), pnl);

    // t1 +500, t2 -200, t3 -300 on day 1; t4 +1000, t5 0, t6 -400 on day 2.
    private static readonly RoundTrip[] Trips =
    [
        Trip("t4", 1_000m, Day2, 10, S2),
        Trip("t1", 500m, Day1, 10, S1),
        Trip("t2", -200m, Day1, 11, S1),
        Trip("t3", -300m, Day1, 12, S2),
        Trip("t5", 0m, Day2, 11, S1),
        Trip("t6", -400m, Day2, 12, null),
    ];

    [Fact]
    public void Overall_figures_match_the_hand_computed_set()
    {
        var figures = JournalStatistics.Compute(Trips).Overall;

        Assert.Equal(6, figures.Trades);
        Assert.Equal(2, figures.Wins);           // t1, t4
        Assert.Equal(3, figures.Losses);         // t2, t3, t6; t5 is flat
        Assert.Equal(33.33m, figures.WinRate);   // 2 / 6
        Assert.Equal(600m, figures.TotalPnl);    // 500 - 200 - 300 + 1000 + 0 - 400
        Assert.Equal(1_500m, figures.GrossProfit);
        Assert.Equal(-900m, figures.GrossLoss);
        Assert.Equal(750m, figures.AverageWin);  // 1500 / 2
        Assert.Equal(-300m, figures.AverageLoss); // -900 / 3
        Assert.Equal(1.67m, figures.ProfitFactor); // 1500 / 900 = 1.666...
        Assert.Equal(100m, figures.Expectancy);  // 600 / 6
        // Cumulative by exit: 500, 300, 0, 1000, 1000, 600; worst fall 500 -> 0.
        Assert.Equal(500m, figures.MaxDrawdown);
        Assert.Equal("t4", figures.Best?.Id);
        Assert.Equal("t6", figures.Worst?.Id);
    }

    [Fact]
    public void By_strategy_in_the_order_each_first_closed_a_trade()
    {
        var byStrategy = JournalStatistics.Compute(Trips).ByStrategy;

        Assert.Equal([S1, S2, null], byStrategy.Select(s => s.StrategyId));
        var s1 = byStrategy[0].Figures;            // t1 +500, t2 -200, t5 0
        Assert.Equal((3, 1, 1, 300m), (s1.Trades, s1.Wins, s1.Losses, s1.TotalPnl));
        Assert.Equal(2.5m, s1.ProfitFactor);       // 500 / 200
        Assert.Equal(200m, s1.MaxDrawdown);        // 500 -> 300
        var s2 = byStrategy[1].Figures;            // t3 -300, t4 +1000
        Assert.Equal(700m, s2.TotalPnl);
        Assert.Equal(300m, s2.MaxDrawdown);        // 0 -> -300: the start counts as a peak
        var manual = byStrategy[2].Figures;        // t6 -400
        Assert.Equal(0m, manual.ProfitFactor);     // no wins: 0 / 400
        Assert.Equal(0m, manual.AverageWin);
        Assert.Equal(0m, manual.WinRate);
    }

    [Fact]
    public void By_day_groups_on_the_ist_date_of_exit()
    {
        var byDay = JournalStatistics.Compute(Trips).ByDay;

        Assert.Equal([Day1, Day2], byDay.Select(d => d.Day));
        Assert.Equal(0m, byDay[0].Figures.TotalPnl);     // 500 - 200 - 300
        Assert.Equal(600m, byDay[1].Figures.TotalPnl);   // 1000 + 0 - 400
        Assert.Equal(3, byDay[1].Figures.Trades);
    }

    [Fact]
    public void Exit_after_midnight_ist_belongs_to_the_ist_day_even_when_utc_says_otherwise()
    {
        // 00:30 IST on day 2 is 19:00 UTC on day 1.
        var trip = Trip("late", 10m, Day1, 10, null) with { ExitTime = TestTicks.Ist(Day2, 0, 30) };

        Assert.Equal(Day1, DateOnly.FromDateTime(trip.ExitTime.UtcDateTime));
        Assert.Equal(Day2, Assert.Single(JournalStatistics.Compute([trip]).ByDay).Day);
    }

    [Fact]
    public void Equity_curve_accumulates_by_exit_time()
    {
        var curve = JournalStatistics.Compute(Trips).EquityCurve;

        Assert.Equal(["t1", "t2", "t3", "t4", "t5", "t6"], curve.Select(p => p.RoundTripId));
        Assert.Equal([500m, 300m, 0m, 1_000m, 1_000m, 600m], curve.Select(p => p.CumulativePnl));
        Assert.Equal(TestTicks.Ist(Day1, 10, 0), curve[0].Time);
    }

    [Fact]
    public void No_losses_means_no_profit_factor()
    {
        var figures = TradeFigures.Compute([Trip("a", 100m, Day1, 10, null), Trip("b", 300m, Day1, 11, null)]);

        Assert.Null(figures.ProfitFactor);
        Assert.Equal(100m, figures.WinRate);
        Assert.Equal(200m, figures.AverageWin);
        Assert.Equal(0m, figures.AverageLoss);
        Assert.Equal(0m, figures.MaxDrawdown);
    }

    [Fact]
    public void No_trades_gives_zeros()
    {
        var statistics = JournalStatistics.Compute([]);

        Assert.Equal(0, statistics.Overall.Trades);
        Assert.Equal(0m, statistics.Overall.WinRate);
        Assert.Equal(0m, statistics.Overall.Expectancy);
        Assert.Null(statistics.Overall.ProfitFactor);
        Assert.Null(statistics.Overall.Best);
        Assert.Empty(statistics.ByStrategy);
        Assert.Empty(statistics.ByDay);
        Assert.Empty(statistics.EquityCurve);
    }

    [Fact]
    public void Statistics_of_built_round_trips_match_the_position_book_once_flat()
    {
        Fill[] fills =
        [
            TestFills.Buy(130, 100m, time: TestTicks.Ist(10, 0)),
            TestFills.Buy(65, 106m, time: TestTicks.Ist(10, 5)),
            TestFills.Sell(65, 104m, time: TestTicks.Ist(10, 10)),
            TestFills.Sell(130, 103m, time: TestTicks.Ist(10, 20)),
        ];
        var book = new KotakBlazor.Core.Positions.PositionBook();
        foreach (var fill in fills)
        {
            book.Apply(fill);
        }

        var total = JournalStatistics.Compute(RoundTripBuilder.Build(fills)).Overall.TotalPnl;

        // FIFO: 65 x (104 - 100) + 65 x (103 - 100) + 65 x (103 - 106) = 260 + 195 - 195 = 260.
        Assert.Equal(260m, total);
        Assert.Equal(book.RealizedPnl, total);
    }
}
