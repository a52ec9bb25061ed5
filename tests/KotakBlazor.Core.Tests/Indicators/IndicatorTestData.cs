using System.Globalization;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Indicators;

/// <summary>Bars and comparisons shared by the indicator tests.</summary>
internal static class IndicatorTestData
{
    /// <summary>
    /// A bar whose start is the given wall-clock time read as IST. Reference series from US markets
    /// are relabelled this way so that one of their sessions is one IST trading day.
    /// </summary>
    public static Bar Bar(DateTime wallClock, decimal open, decimal high, decimal low, decimal close, long volume = 0) =>
        new(TestTicks.Nifty, Timeframe.OneMinute, new DateTimeOffset(wallClock, IndianMarketTime.Offset), open, high, low, close, volume, 1);

    /// <summary>The bars of a reference file with date/open/high/low/close(/volume) columns.</summary>
    public static List<Bar> Bars(ReferenceCsv csv, string date, string open, string high, string low, string close, string? volume = null) =>
        csv.Rows.Select(row => Bar(
            csv.Date(row, date),
            csv.Decimal(row, open),
            csv.Decimal(row, high),
            csv.Decimal(row, low),
            csv.Decimal(row, close),
            volume is null ? 0 : csv.Long(row, volume))).ToList();

    /// <summary>Expected values published by Stock.Indicators for one indicator: (row index, field, value, tolerance).</summary>
    public static List<(int Index, string Field, decimal Expected, decimal Tolerance)> SkenderExpected(string indicator)
    {
        var csv = ReferenceCsv.Load("skender_expected.csv");
        var expected = csv.Rows
            .Where(row => csv.Cell(row, "indicator") == indicator)
            .Select(row => (
                int.Parse(csv.Cell(row, "index"), CultureInfo.InvariantCulture),
                csv.Cell(row, "field"),
                csv.Decimal(row, "expected"),
                csv.Decimal(row, "tolerance")))
            .ToList();
        Assert.NotEmpty(expected);
        return expected;
    }

    /// <summary>Records a mismatch when <paramref name="actual"/> is further than <paramref name="tolerance"/> from <paramref name="expected"/>.</summary>
    public static void Check(List<string> mismatches, string what, decimal expected, decimal actual, decimal tolerance)
    {
        if (Math.Abs(expected - actual) > tolerance)
        {
            mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected} +/- {tolerance}, got {actual}"));
        }
    }

    /// <summary>
    /// Managed bytes allocated on this thread by <paramref name="updates"/>, measured on a second run
    /// so that first-call work (JIT, static initialisation) is not counted.
    /// </summary>
    public static long AllocatedBy(Action updates)
    {
        updates();
        var before = GC.GetAllocatedBytesForCurrentThread();
        updates();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
