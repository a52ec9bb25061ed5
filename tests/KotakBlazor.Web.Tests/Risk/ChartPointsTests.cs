using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Risk;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Risk;

/// <summary>What the equity curve sends to the chart and what the limits confirmation shows.</summary>
public sealed class ChartPointsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 4, 0, 0, TimeSpan.Zero); // 09:30 IST

    [Fact]
    public void The_curve_starts_from_zero_and_trips_closed_in_the_same_second_keep_the_last_value()
    {
        EquityPoint[] curve =
        [
            new(T0.AddSeconds(60), 150m, "a"),
            new(T0.AddSeconds(60.4), 90m, "b"),
            new(T0.AddSeconds(125), -10.5m, "c"),
        ];

        var points = EquityCurve.ChartPoints(curve, T0);

        var start = T0.ToUnixTimeSeconds();
        Assert.Equal(
            [new(start, 0m), new(start + 60, 90m), new(start + 125, -10.5m)],
            points);
    }

    [Fact]
    public void An_entry_in_the_same_second_as_the_first_exit_adds_no_zero_point_and_an_empty_curve_stays_empty()
    {
        Assert.Equal([new EquityCurve.ChartPoint(T0.ToUnixTimeSeconds(), 5m)], EquityCurve.ChartPoints([new(T0.AddMilliseconds(300), 5m, "a")], T0));
        Assert.Empty(EquityCurve.ChartPoints([], T0));
    }

    [Fact]
    public void The_limits_confirmation_lists_only_what_changes_in_the_traders_units()
    {
        var before = RiskLimits.Default;
        var after = before with { MaxDailyLoss = 0m, PriceBandPercent = 2.5m, DuplicateWindowSeconds = 10, AllowAfterMarketOrders = false };

        var changes = RiskSettingsService.Compare(before, after);

        Assert.Equal(
            [
                new("MaxDailyLoss", "Max daily loss", "\u20b950,000.00", "off"),
                new("PriceBandPercent", "Price band", "5%", "2.5%"),
                new("DuplicateWindowSeconds", "Duplicate window", "3 s", "10 s"),
                new("AllowAfterMarketOrders", "After-market orders", "allowed", "refused"),
            ],
            changes);
    }

    [Fact]
    public void Money_and_pnl_read_with_sign_rupee_symbol_and_two_decimals()
    {
        Assert.Equal("+\u20b91,234.50", DeskText.Pnl(1234.5m));
        Assert.Equal("-\u20b90.05", DeskText.Pnl(-0.05m));
        Assert.Equal("\u20b90.00", DeskText.Pnl(0m));
        Assert.Equal("12m 05s", DeskText.Duration(TimeSpan.FromSeconds(725)));
    }
}
