namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>An exchange's market status, code 105, 16 bytes.</summary>
/// <param name="Header">The packet header.</param>
/// <param name="StatusCode">@9 u16: 1 open, 2 close, 3 pre-open shutdown, 4 pre-open ended, 6 closing start, 7 closing end, ...</param>
/// <param name="Status">@11 char[5]: "OPEN", "CLOSE".</param>
public readonly record struct SFeedMarketStatusPacket(SFeedPacketHeader Header, ushort StatusCode, string Status)
{
    /// <summary>Bytes in a market-status packet.</summary>
    public const int Size = 16;
}
