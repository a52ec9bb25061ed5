namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// An order update too sparse to describe the order (HSI sometimes pushes only the order number
/// and state): fetch the order by REST to learn the rest.
/// </summary>
/// <param name="BrokerOrderId">The order number (<c>nOrdNo</c>).</param>
/// <param name="BrokerStatus">The state word it carried (<c>ordSt</c>), if any.</param>
/// <param name="MissingFields">The fields that were missing or unreadable.</param>
public sealed record KotakIncompleteOrderUpdate(string BrokerOrderId, string? BrokerStatus, IReadOnlyList<string> MissingFields);
