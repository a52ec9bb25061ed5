using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

/// <summary>Keeps every packet the reader hands over, in order.</summary>
internal sealed class RecordingPacketHandler : ISFeedPacketHandler
{
    public List<object> Packets { get; } = [];

    public List<(SFeedPacketHeader Header, bool Malformed, string Reason)> Skipped { get; } = [];

    public void OnIndex(in SFeedIndexPacket packet) => Packets.Add(packet);

    public void OnTouchline(in SFeedTouchlinePacket packet) => Packets.Add(packet);

    public void OnMarketPicture(in SFeedMarketPicturePacket packet) => Packets.Add(packet);

    public void OnMarketStatus(in SFeedMarketStatusPacket packet) => Packets.Add(packet);

    public void OnSkipped(in SFeedPacketHeader header, bool malformed, string reason) => Skipped.Add((header, malformed, reason));
}
