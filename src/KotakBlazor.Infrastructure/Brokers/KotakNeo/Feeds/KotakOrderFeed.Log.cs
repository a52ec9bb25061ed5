using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Log messages, source-generated. Tokens and sids are never logged.</summary>
public sealed partial class KotakOrderFeed
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Kotak order {OrderNumber}: {BrokerStatus} ({Status})")]
    private partial void LogOrderUpdate(string orderNumber, string brokerStatus, OrderStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kotak order {OrderNumber} update lacks {Missing}; to be fetched by REST")]
    private partial void LogOrderIncomplete(string orderNumber, string missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Kotak order feed refused a request: {Message}")]
    private partial void LogRequestRefused(string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kotak order feed heartbeat stopped ({Reason})")]
    private partial void LogHeartbeatStopped(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kotak order feed message ignored: {Message}")]
    private partial void LogIgnored(string message);
}
