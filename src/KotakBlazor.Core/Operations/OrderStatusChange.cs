using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Operations;

/// <summary>An order whose state a status check found changed at the broker.</summary>
/// <param name="Before">The order as the desk held it.</param>
/// <param name="After">The order after the broker's row was applied.</param>
public sealed record OrderStatusChange(Order Before, Order After)
{
    /// <summary>A line for notifications and the run history, e.g. "BUY 50 NIFTY... Open -> Filled".</summary>
    public string Describe() =>
        $"{After.Side.ToString().ToUpperInvariant()} {After.Quantity} {After.TradingSymbol}: {Before.Status} -> {After.Status}"
        + (After.FilledQuantity != Before.FilledQuantity ? $" ({After.FilledQuantity} filled)" : string.Empty)
        + (After.Status is OrderStatus.Rejected or OrderStatus.Cancelled && After.Reason is { Length: > 0 } reason ? $": {reason}" : string.Empty);
}
