using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Brokers;

/// <summary>One row of the broker's positions, in Kotak's terms (carried forward plus today).</summary>
/// <param name="Instrument">Segment and token.</param>
/// <param name="TradingSymbol">Trading symbol.</param>
/// <param name="Product">Product.</param>
/// <param name="BuyQuantity">Units bought (carried forward + today).</param>
/// <param name="SellQuantity">Units sold (carried forward + today).</param>
/// <param name="BuyAmount">Rupees paid for them.</param>
/// <param name="SellAmount">Rupees received for them.</param>
/// <param name="Multiplier">The contract multiplier (1 for NSE equity and F&amp;O in units).</param>
public sealed record BrokerPosition(
    InstrumentId Instrument,
    string TradingSymbol,
    ProductType Product,
    int BuyQuantity,
    int SellQuantity,
    decimal BuyAmount,
    decimal SellAmount,
    decimal Multiplier = 1m)
{
    /// <summary>Net units: bought minus sold.</summary>
    public int NetQuantity => BuyQuantity - SellQuantity;

    /// <summary>The broker's P&amp;L: (sell amount - buy amount) + net quantity x LTP x multiplier.</summary>
    public decimal ProfitAndLoss(decimal lastPrice) => SellAmount - BuyAmount + (NetQuantity * lastPrice * Multiplier);
}

/// <summary>One holding in the demat account.</summary>
/// <param name="Instrument">Segment and token.</param>
/// <param name="TradingSymbol">Trading symbol.</param>
/// <param name="Quantity">Units held.</param>
/// <param name="AveragePrice">Average buy price.</param>
/// <param name="ClosingPrice">Previous close.</param>
public sealed record BrokerHolding(
    InstrumentId Instrument,
    string TradingSymbol,
    int Quantity,
    decimal AveragePrice,
    decimal ClosingPrice);

/// <summary>Cash and margin.</summary>
/// <param name="Net">Funds available for new orders.</param>
/// <param name="MarginUsed">Margin blocked by open positions and orders.</param>
/// <param name="Collateral">Collateral value (pledged holdings).</param>
public sealed record BrokerFunds(decimal Net, decimal MarginUsed, decimal Collateral);

/// <summary>The margin an order needs.</summary>
/// <param name="Required">Rupees the order would block.</param>
/// <param name="Available">Rupees available now.</param>
/// <param name="Explanation">How it was worked out, for people.</param>
public sealed record MarginEstimate(decimal Required, decimal Available, string Explanation)
{
    /// <summary>True when the account can carry it.</summary>
    public bool IsSufficient => Required <= Available;
}
