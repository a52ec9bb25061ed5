using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>Log messages, source-generated.</summary>
public sealed partial class PaperBroker
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Paper broker started: capital {Capital}, latency {LatencyMilliseconds} ms")]
    private partial void LogStarted(decimal capital, int latencyMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order {OrderId} (tag {Tag}) placed: {Side} {Quantity} {Symbol} {Type} at {Price}")]
    private partial void LogPlaced(string orderId, string? tag, string symbol, OrderSide side, int quantity, OrderType type, decimal price);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order {OrderId} (tag {Tag}) rejected: {Reason}")]
    private partial void LogRejected(string orderId, string? tag, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order with tag {Tag} refused: {Reason}")]
    private partial void LogRefused(string tag, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order {OrderId}: {Side} {Quantity} {Symbol} traded at {Price} ({Filled}/{Total})")]
    private partial void LogFilled(string orderId, string symbol, OrderSide side, int quantity, decimal price, int filled, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order {OrderId} modified: quantity {Quantity}, price {Price}, trigger {TriggerPrice}")]
    private partial void LogModified(string orderId, int quantity, decimal price, decimal triggerPrice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order {OrderId} modify refused: {Reason}")]
    private partial void LogModifyRefused(string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper order {OrderId} cancelled")]
    private partial void LogCancelled(string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Manual trade {OrderId} recorded: {Side} {Quantity} {Symbol} at {Price}")]
    private partial void LogManualTrade(string orderId, string symbol, OrderSide side, int quantity, decimal price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Injected fault {Kind} on the place call for tag {Tag}")]
    private partial void LogFaultInjected(BrokerErrorKind kind, string tag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Paper broker failed to match a tick of {Instrument}")]
    private partial void LogTickFailed(Exception exception, InstrumentId instrument);
}
