namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Receives the packets <see cref="SFeedFrameReader"/> decodes from one binary frame, in order.</summary>
public interface ISFeedPacketHandler
{
    /// <summary>An index value (7207).</summary>
    void OnIndex(in SFeedIndexPacket packet);

    /// <summary>A mini touch line (7208, level 1).</summary>
    void OnTouchline(in SFeedTouchlinePacket packet);

    /// <summary>A market picture with depth (7208, level 2/4/8/16).</summary>
    void OnMarketPicture(in SFeedMarketPicturePacket packet);

    /// <summary>An exchange's market status (105).</summary>
    void OnMarketStatus(in SFeedMarketStatusPacket packet);

    /// <summary>A packet that was skipped: a code or level this client does not read, or one too short for its layout.</summary>
    void OnSkipped(in SFeedPacketHeader header, bool malformed, string reason);
}
