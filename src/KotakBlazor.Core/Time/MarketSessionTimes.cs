using System.Globalization;

namespace KotakBlazor.Core.Time;

/// <summary>
/// The exchange's day in IST wall-clock times, NSE's equity and derivatives timings by default:
/// pre-open order entry 09:00-09:08 (matched before 09:15), the normal session 09:15-15:30, and
/// the after-market-order window the broker accepts from 16:00 until 09:00 the next morning.
/// </summary>
public sealed record MarketSessionTimes
{
    /// <summary>NSE's timings.</summary>
    public static MarketSessionTimes Nse { get; } = new();

    /// <summary>Pre-open order entry starts.</summary>
    public TimeOnly PreOpenStart { get; init; } = new(9, 0);

    /// <summary>Pre-open order entry ends (NSE closes it at random in the last minute before 09:08).</summary>
    public TimeOnly PreOpenEnd { get; init; } = new(9, 8);

    /// <summary>The normal session opens.</summary>
    public TimeOnly NormalOpen { get; init; } = IndianMarketTime.SessionOpen;

    /// <summary>The normal session closes.</summary>
    public TimeOnly NormalClose { get; init; } = IndianMarketTime.SessionClose;

    /// <summary>After-market orders are accepted from this time on trading days.</summary>
    public TimeOnly AfterMarketOpens { get; init; } = new(16, 0);

    /// <summary>After-market orders are accepted until this time the next morning (all day on weekends and holidays).</summary>
    public TimeOnly AfterMarketCloses { get; init; } = new(9, 0);

    /// <summary>What is wrong with the times, in words for the person who configured them; empty when they are consistent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Require(problems, PreOpenStart < PreOpenEnd, nameof(PreOpenStart), PreOpenStart, nameof(PreOpenEnd), PreOpenEnd);
        Require(problems, PreOpenEnd <= NormalOpen, nameof(PreOpenEnd), PreOpenEnd, nameof(NormalOpen), NormalOpen);
        Require(problems, NormalOpen < NormalClose, nameof(NormalOpen), NormalOpen, nameof(NormalClose), NormalClose);
        Require(problems, NormalClose <= AfterMarketOpens, nameof(NormalClose), NormalClose, nameof(AfterMarketOpens), AfterMarketOpens);
        Require(problems, AfterMarketCloses <= NormalOpen, nameof(AfterMarketCloses), AfterMarketCloses, nameof(NormalOpen), NormalOpen);
        return problems;
    }

    private static void Require(List<string> problems, bool holds, string earlier, TimeOnly earlierTime, string later, TimeOnly laterTime)
    {
        if (!holds)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{earlier} ({earlierTime:HH\\:mm}) must come before {later} ({laterTime:HH\\:mm})."));
        }
    }
}
