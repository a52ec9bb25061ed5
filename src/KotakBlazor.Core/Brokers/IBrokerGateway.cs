using KotakBlazor.Core.Messaging;

namespace KotakBlazor.Core.Brokers;

/// <summary>
/// A broker: the paper broker or Kotak Neo. Every gateway passes the same contract test suite.
/// Calls never throw for a broker's refusal or an outage: they return a <see cref="BrokerResult{T}"/>
/// whose error says whether the order may have been placed (so a retry is or is not safe).
/// </summary>
public interface IBrokerGateway
{
    /// <summary>A short name for screens and logs (<c>Paper</c>, <c>Kotak Neo</c>).</summary>
    string Name { get; }

    /// <summary>Order-book rows as they change (pushed by the order feed or the matching engine), in order per order.</summary>
    EventStream<BrokerOrder> OrderUpdates { get; }

    /// <summary>Trades as they happen.</summary>
    EventStream<BrokerTrade> Trades { get; }

    /// <summary>Places an order; the value is the broker's order number.</summary>
    Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken);

    /// <summary>Changes the price, trigger or quantity of a working order.</summary>
    Task<BrokerResult<string>> ModifyAsync(BrokerModifyRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a working order.</summary>
    Task<BrokerResult<string>> CancelAsync(string brokerOrderId, CancellationToken cancellationToken);

    /// <summary>Today's orders.</summary>
    Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken);

    /// <summary>Today's trades.</summary>
    Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken);

    /// <summary>Today's positions (carried forward and intraday).</summary>
    Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken);

    /// <summary>Delivery holdings in the demat account.</summary>
    Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken);

    /// <summary>Cash, margin used and margin available.</summary>
    Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken);

    /// <summary>The margin an order would need, and whether the account has it.</summary>
    Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken);
}
