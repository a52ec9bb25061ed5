using KotakBlazor.Core.MarketData.Bars;

namespace KotakBlazor.Core.Tests.MarketData.Bars;

public sealed class TimeframeTests
{
    [Fact]
    public void Predefined_timeframes_have_their_minutes_and_chart_names()
    {
        Assert.Equal([1, 3, 5, 15], new[] { Timeframe.OneMinute, Timeframe.ThreeMinutes, Timeframe.FiveMinutes, Timeframe.FifteenMinutes }.Select(t => t.Minutes));
        Assert.Equal(TimeSpan.FromMinutes(15), Timeframe.FifteenMinutes.Duration);
        Assert.Equal("5m", Timeframe.FiveMinutes.ToString());
        Assert.Equal(Timeframe.FiveMinutes, new Timeframe(5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(376)]
    public void Nonsense_lengths_are_refused(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Timeframe(minutes));
}
