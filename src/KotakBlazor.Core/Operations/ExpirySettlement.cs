using System.Globalization;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Operations;

/// <summary>How one expiring position settles at the close.</summary>
/// <param name="Position">The position.</param>
/// <param name="Kind">Cash, worthless, or physical delivery.</param>
/// <param name="Side">The side that closes it (sell a long, buy a short).</param>
/// <param name="Quantity">Units.</param>
/// <param name="Price">The settlement price: the intrinsic value for an option, the closing spot for a future; 0 when worthless.</param>
/// <param name="ClosingSpot">The underlying's closing price used.</param>
public sealed record ExpirySettlement(ExpiringPosition Position, ExpirySettlementKind Kind, OrderSide Side, int Quantity, decimal Price, decimal ClosingSpot)
{
    /// <summary>True when a settlement fill closes it (cash or worthless); false when it waits for delivery.</summary>
    public bool SettlesInCash => Kind != ExpirySettlementKind.PhysicalDelivery;

    /// <summary>A line for notifications and the log.</summary>
    public string Describe() => Kind switch
    {
        ExpirySettlementKind.PhysicalDelivery => string.Create(CultureInfo.InvariantCulture,
            $"{Position.Instrument.TradingSymbol}: {Math.Abs(Position.Position.NetQuantity)} units to be settled by physical delivery (closing spot {ClosingSpot:0.00}); act with the broker"),
        ExpirySettlementKind.ExpiresWorthless => string.Create(CultureInfo.InvariantCulture,
            $"{Position.Instrument.TradingSymbol}: {Side} {Quantity} expires worthless (closing spot {ClosingSpot:0.00})"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{Position.Instrument.TradingSymbol}: {Side} {Quantity} settled in cash at {Price:0.00} (closing spot {ClosingSpot:0.00})"),
    };
}
