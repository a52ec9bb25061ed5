using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>Reads <c>lExpiryDate</c>, whose epoch depends on the exchange.</summary>
internal static class ScripMasterExpiry
{
    /// <summary>
    /// 1980-01-01 00:00 IST as Unix seconds (315532800 for 1980-01-01 UTC, minus 5 h 30 min).
    /// NSE's trading system counts time from midnight of 1 Jan 1980 on the Indian wall clock,
    /// so adding this gives the real instant: Kotak's sample row 1474554600 becomes
    /// 2026-09-22 14:30 IST, the day its symbol NIFTY2692221000PE names. The SDK adds
    /// 315511200 (30 minutes less) and OpenAlgo 315513000; only the IST calendar date is kept,
    /// and both give the same date, but this one is the epoch itself.
    /// </summary>
    public const long NseEpochUnixSeconds = 315_513_000;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 1, 1);

    /// <summary>
    /// Whether a segment's expiries count from NSE's 1980 epoch. NSE F&amp;O does; the SDK's
    /// scrip search treats NSE currency (cde_fo) the same way and BSE and MCX as Unix time.
    /// </summary>
    public static bool CountsFrom1980(ExchangeSegment segment) => segment is ExchangeSegment.NseFo or ExchangeSegment.CdeFo;

    /// <summary>The IST expiry date, or null with a reason when the value cannot be an expiry.</summary>
    public static DateOnly? ToIstDate(ExchangeSegment segment, long raw, out string? problem)
    {
        var unixSeconds = CountsFrom1980(segment) ? raw + NseEpochUnixSeconds : raw;
        if (raw <= 0 || unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            problem = $"expiry {raw} is not a time";
            return null;
        }

        var date = IndianMarketTime.IstDate(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        // A date decades away means the epoch guess is wrong for this file: skip the row, never guess.
        if (date < Earliest || date >= Latest)
        {
            problem = $"expiry {raw} reads as {date:yyyy-MM-dd}, outside 2000-2099";
            return null;
        }

        problem = null;
        return date;
    }
}
