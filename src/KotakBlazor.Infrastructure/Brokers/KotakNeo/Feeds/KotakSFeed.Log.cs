using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Log messages, source-generated; nothing per tick above Debug.</summary>
public sealed partial class KotakSFeed
{
    // Each kind of skipped packet is logged once per run at Warning; repeats would flood the log at tick rate.
    private readonly HashSet<(ushort Code, byte Level, bool Malformed)> _reportedSkips = [];

    private void ReportSkipped(in SFeedPacketHeader header, bool malformed, string reason)
    {
        bool first;
        lock (_reportedSkips)
        {
            first = _reportedSkips.Add((header.Code, header.Level, malformed));
        }

        if (first)
        {
            LogPacketSkipped(header.Code, header.Level, header.ExchangeId, reason);
        }
        else
        {
            LogPacketSkippedAgain(header.Code, header.Level, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SFeed {Action} sent for {Count} instrument(s) on {Channel}")]
    private partial void LogSubscriptionSent(string action, SFeedChannel channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SFeed subscription not sent, the socket is down ({Error}); it is sent on reconnect")]
    private partial void LogSendFailed(string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SFeed subscription acknowledged: {Message}")]
    private partial void LogSubscribeAcknowledged(string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SFeed reported an authentication failure on a logged-in socket: {Message}")]
    private partial void LogAuthFailedLater(string? message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SFeed text frame ignored: {Text}")]
    private partial void LogControlIgnored(string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "SFeed market status of exchange {ExchangeId}: {StatusCode} {Status}")]
    private partial void LogMarketStatus(sbyte exchangeId, ushort statusCode, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SFeed packet skipped (code {Code}, level {Level}, exchange {ExchangeId}): {Reason}; further ones are logged at Debug")]
    private partial void LogPacketSkipped(ushort code, byte level, sbyte exchangeId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SFeed packet skipped (code {Code}, level {Level}): {Reason}")]
    private partial void LogPacketSkippedAgain(ushort code, byte level, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SFeed frame ended with {Trailing} byte(s) that do not form a packet (frame of {Length} bytes)")]
    private partial void LogTrailingBytes(int trailing, int length);
}
