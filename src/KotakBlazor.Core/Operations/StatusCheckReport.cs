namespace KotakBlazor.Core.Operations;

/// <summary>One pass of the order status verifier.</summary>
/// <param name="Time">When it ran.</param>
/// <param name="OrdersChecked">Active orders found in the broker's order book and checked.</param>
/// <param name="NotInBook">Active orders the book did not show (an intent still in flight; reconciliation settles the rest).</param>
/// <param name="Changes">Orders whose status or filled quantity the check changed.</param>
/// <param name="Problem">Why the check could not run (the order book call failed); null when it ran.</param>
public sealed record StatusCheckReport(
    DateTimeOffset Time,
    int OrdersChecked,
    int NotInBook,
    IReadOnlyList<OrderStatusChange> Changes,
    string? Problem)
{
    /// <summary>True when the broker's order book was read.</summary>
    public bool Ran => Problem is null;
}
