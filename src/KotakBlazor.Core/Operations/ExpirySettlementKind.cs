namespace KotakBlazor.Core.Operations;

/// <summary>How an expiring contract settles.</summary>
public enum ExpirySettlementKind
{
    /// <summary>Index derivatives: closed in cash at the closing spot (an option at its intrinsic value).</summary>
    CashAtSpot,

    /// <summary>An out-of-the-money option: expires worthless.</summary>
    ExpiresWorthless,

    /// <summary>Stock futures and in-the-money stock options: settled by delivery of the shares; needs the trader, not a fill.</summary>
    PhysicalDelivery,
}
