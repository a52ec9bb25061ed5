using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Turns decoded SFeed packets into our ticks.</summary>
internal static class SFeedTicks
{
    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31

    /// <summary>The instrument a packet is about; false for an exchange we do not model or a token out of range.</summary>
    public static bool TryInstrument(in SFeedPacketHeader header, uint token, out InstrumentId id)
    {
        var segment = (ExchangeSegment)(byte)header.ExchangeId;
        if (header.ExchangeId <= 0 || !Enum.IsDefined(segment) || token is 0 or > int.MaxValue)
        {
            id = default;
            return false;
        }

        id = new InstrumentId(segment, (int)token);
        return true;
    }

    public static Tick FromIndex(in SFeedIndexPacket p, InstrumentId id, DateTimeOffset receivedAt) =>
        new(id, p.Value, 0, 0, 0, 0m, 0m, p.PreviousClose, Time(p.LastTradeTime, receivedAt));

    public static Tick FromTouchline(in SFeedTouchlinePacket p, InstrumentId id, DateTimeOffset receivedAt) =>
        new(id, p.LastPrice, p.LastQuantity, 0, 0, 0m, 0m, p.PreviousClose, Time(p.LastTradeTime, receivedAt));

    /// <summary>
    /// Stamped with the later of last trade and last update: a change of bid or ask without a
    /// trade keeps the trade time, and ingestion would drop it as a repeat.
    /// </summary>
    public static Tick FromPicture(in SFeedMarketPicturePacket p, InstrumentId id, DateTimeOffset receivedAt) =>
        new(id, p.LastPrice, p.LastQuantity, p.Volume, p.OpenInterest,
            p.Bids.Count > 0 ? p.Bids[0].Price : 0m,
            p.Asks.Count > 0 ? p.Asks[0].Price : 0m,
            p.PreviousClose,
            Time(Math.Max(p.LastTradeTime, p.LastUpdateTime), receivedAt));

    /// <summary>
    /// Kotak documents Unix seconds; no source settles it for every packet, so larger values are
    /// read as milliseconds, microseconds or nanoseconds by size. Zero or nonsense: when we got it.
    /// </summary>
    public static DateTimeOffset Time(long raw, DateTimeOffset receivedAt)
    {
        if (raw <= 0)
        {
            return receivedAt;
        }

        var seconds = raw switch
        {
            < 100_000_000_000 => raw,
            < 100_000_000_000_000 => raw / 1_000,
            < 100_000_000_000_000_000 => raw / 1_000_000,
            _ => raw / 1_000_000_000,
        };
        return seconds <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : receivedAt;
    }
}
