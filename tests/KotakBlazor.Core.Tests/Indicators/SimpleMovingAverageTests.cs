using KotakBlazor.Core.Indicators;

namespace KotakBlazor.Core.Tests.Indicators;

public sealed class SimpleMovingAverageTests
{
    [Fact]
    public void Matches_lean_sma14_on_every_published_row()
    {
        var csv = ReferenceCsv.Load("lean_spy_with_indicators.csv");
        var sma = new SimpleMovingAverage(14);
        var mismatches = new List<string>();
        var compared = 0;

        foreach (var row in csv.Rows)
        {
            sma.Update(csv.Decimal(row, "Close"));
            var published = csv.Cell(row, "SMA14");
            Assert.Equal(published.Length > 0, sma.IsReady);
            if (published.Length == 0)
            {
                continue;
            }

            IndicatorTestData.Check(mismatches, csv.Cell(row, "Date"), csv.Decimal(row, "SMA14"), sma.Value, ReferenceCsv.UnitInLastPlace(published));
            compared++;
        }

        Assert.Empty(mismatches);
        Assert.Equal(87, compared);
    }

    [Fact]
    public void Becomes_ready_on_the_period_th_value_and_then_slides()
    {
        var sma = new SimpleMovingAverage(3);
        sma.Update(1m);
        sma.Update(2m);
        Assert.False(sma.IsReady);
        Assert.Equal(0m, sma.Value);
        Assert.Equal(2, sma.Count);

        sma.Update(6m);
        Assert.True(sma.IsReady);
        Assert.Equal(3m, sma.Value);

        sma.Update(10m);
        Assert.Equal(6m, sma.Value); // (2 + 6 + 10) / 3: the 1 has left the window
        Assert.Equal(4, sma.Count);
    }

    [Fact]
    public void Reset_forgets_the_window()
    {
        var sma = new SimpleMovingAverage(2);
        sma.Update(100m);
        sma.Update(200m);
        sma.Reset();

        Assert.False(sma.IsReady);
        Assert.Equal(0, sma.Count);
        sma.Update(1m);
        sma.Update(3m);
        Assert.Equal(2m, sma.Value);
    }

    [Fact]
    public void Period_one_is_the_latest_value()
    {
        var sma = new SimpleMovingAverage(1);
        sma.Update(5m);
        sma.Update(7m);
        Assert.Equal(7m, sma.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Rejects_a_period_below_one(int period)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(period));
        Assert.Equal("period", error.ParamName);
    }

    [Fact]
    public void Does_not_allocate_per_update()
    {
        var sma = new SimpleMovingAverage(20);
        var allocated = IndicatorTestData.AllocatedBy(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                sma.Update(100m + (i % 37));
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(sma.IsReady);
    }
}
