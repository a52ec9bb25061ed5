using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Tests.Positions;
using static KotakBlazor.Core.Tests.Risk.RiskFixture;

namespace KotakBlazor.Core.Tests.Risk;

/// <summary>The automatic trip, the summary, and the cost of an allowed check.</summary>
public sealed class RiskEngineDailyLossTests
{
    private readonly RiskFixture _risk = new(RiskLimits.Default with { MaxDailyLoss = 1_000m });

    [Fact]
    public void Daily_loss_at_the_limit_trips_the_kill_switch_once()
    {
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Book.Mark(Call, 85m);  // -975
        Assert.Null(_risk.Engine.CheckDailyLoss(Open));

        _risk.Book.Mark(Call, 80m);  // -1,300
        var change = _risk.Engine.CheckDailyLoss(Open.AddMinutes(1));

        Assert.NotNull(change);
        Assert.True(change.Tripped);
        Assert.True(change.Automatic);
        Assert.Equal("risk", change.Actor);
        Assert.Equal("Daily loss \u20b91,300.00 reached the limit of \u20b91,000.00", change.Reason);
        Assert.True(_risk.KillSwitch.IsTripped);
        Assert.Null(_risk.Engine.CheckDailyLoss(Open.AddMinutes(2)));
    }

    [Fact]
    public void Loss_exactly_at_the_limit_trips()
    {
        _risk.Hold(OrderSide.Sell, 100, 100m, TestFills.Reliance);
        _risk.Book.Mark(TestFills.Reliance, 110m);  // (100 - 110) x 100 = -1,000

        Assert.NotNull(_risk.Engine.CheckDailyLoss(Open));
    }

    [Fact]
    public void After_an_admin_reset_the_same_day_it_does_not_trip_again_but_the_next_day_it_does()
    {
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Book.Mark(Call, 80m);
        _risk.Engine.CheckDailyLoss(Open);
        _risk.KillSwitch.Reset("Squaring off by hand", "admin", Open.AddMinutes(5));

        Assert.Null(_risk.Engine.CheckDailyLoss(Open.AddMinutes(6)));
        Assert.False(_risk.KillSwitch.IsTripped);
        // New risk is still refused; getting out is not.
        Assert.True(_risk.Check(Limit(OrderSide.Buy, 65, 80m), 80m, Open.AddMinutes(6)).IsRefusedBy(RiskRule.MaxDailyLoss));
        Assert.True(_risk.Check(Limit(OrderSide.Sell, 65, 80m), 80m, Open.AddMinutes(6)).IsAllowed);

        var nextDay = TestTicks.TradingDay.AddDays(1);
        _risk.Book.Reset(nextDay);
        _risk.Book.Mark(Call, 60m);  // (60 - 80) x 65 = -1,300 today
        Assert.NotNull(_risk.Engine.CheckDailyLoss(TestTicks.Ist(nextDay, 10, 0)));
    }

    [Fact]
    public void Manual_trip_earlier_in_the_day_does_not_stop_the_automatic_one()
    {
        _risk.KillSwitch.Trip("Checking the feed", "admin", false, TestTicks.Ist(9, 20));
        _risk.KillSwitch.Reset("Feed fine", "admin", TestTicks.Ist(9, 25));
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Book.Mark(Call, 80m);

        Assert.NotNull(_risk.Engine.CheckDailyLoss(Open));
    }

    [Fact]
    public void Limit_of_zero_never_trips()
    {
        _risk.Engine.UpdateLimits(RiskLimits.Default with { MaxDailyLoss = 0m });
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Book.Mark(Call, 1m);

        Assert.Null(_risk.Engine.CheckDailyLoss(Open));
    }

    [Fact]
    public void Summary_shows_each_limit_and_how_much_of_it_is_used()
    {
        _risk.Engine.UpdateLimits(RiskLimits.Default with
        {
            MaxDailyLoss = 1_000m,
            MaxTotalExposure = 20_000m,
            MaxOrdersPerDay = 8,
            MaxOpenPositions = 4,
            MaxExposurePerInstrument = 0m,
        });
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Book.Mark(Call, 96m);  // pnl (96 - 100) x 65 = -260; exposure 65 x 96 = 6,240
        _risk.Engine.Accept(Limit(OrderSide.Buy, 65, 100m), Open);
        _risk.Engine.Accept(Limit(OrderSide.Buy, 130, 100m), Open);

        var summary = _risk.Engine.Summary(Open);

        Assert.Equal(-260m, summary.DayPnl);
        Assert.Equal(0m, summary.RealizedPnl);
        Assert.Equal(-260m, summary.UnrealizedPnl);
        Assert.Equal(26m, summary.DailyLossUtilisation);       // 260 / 1,000
        Assert.Equal(6_240m, summary.TotalExposure);
        Assert.Equal(31.2m, summary.ExposureUtilisation);      // 6,240 / 20,000
        Assert.Equal(2, summary.OrdersToday);
        Assert.Equal(25m, summary.OrdersUtilisation);          // 2 / 8
        Assert.Equal(1, summary.OpenPositions);
        Assert.Equal(25m, summary.OpenPositionsUtilisation);   // 1 / 4
        Assert.False(summary.KillSwitch.IsTripped);
        Assert.Equal(_risk.Engine.Limits, summary.Limits);
    }

    [Fact]
    public void Summary_in_profit_uses_none_of_the_loss_limit_and_limits_off_show_no_utilisation()
    {
        _risk.Engine.UpdateLimits(RiskLimits.Default with { MaxTotalExposure = 0m, MaxOrdersPerDay = 0 });
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Book.Mark(Call, 110m);

        var summary = _risk.Engine.Summary(Open);

        Assert.Equal(0m, summary.DailyLossUtilisation);
        Assert.Null(summary.ExposureUtilisation);
        Assert.Null(summary.OrdersUtilisation);
    }

    [Fact]
    public void Allowed_check_does_not_allocate()
    {
        _risk.Hold(OrderSide.Buy, 65, 100m);
        _risk.Hold(OrderSide.Sell, 65, 100m, Put);
        _risk.Engine.Accept(Limit(OrderSide.Buy, 130, 100m), Open);
        var request = Limit(OrderSide.Buy, 65, 100m);
        Assert.True(_risk.Engine.Check(request, 100m, Open.AddSeconds(5)).IsAllowed);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var allowed = 0;
        for (var i = 0; i < 1_000; i++)
        {
            allowed += _risk.Engine.Check(request, 100m, Open.AddSeconds(5)).IsAllowed ? 1 : 0;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1_000, allowed);
    }
}
