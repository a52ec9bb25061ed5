namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>Kotak's own words for an order's state (<c>ordSt</c>), so paper rows read like the real order book.</summary>
internal static class KotakOrderWords
{
    public const string Open = "open";
    public const string TriggerPending = "trigger pending";
    public const string AfterMarket = "after market order req received";
    public const string Complete = "complete";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
}
