namespace KotakBlazor.Core.Orders;

/// <summary>The price type of an order (Kotak's <c>pt</c>).</summary>
public enum OrderType
{
    /// <summary>MKT: at the market.</summary>
    Market,
    /// <summary>L: at the limit price or better.</summary>
    Limit,
    /// <summary>SL: a limit order that waits for its trigger price.</summary>
    StopLoss,
    /// <summary>SL-M: a market order that waits for its trigger price.</summary>
    StopLossMarket,
}
