namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>What one pass of the delivery worker did.</summary>
/// <param name="Sent">Deliveries Telegram took.</param>
/// <param name="Failed">Deliveries refused for good (recorded failed with the reason).</param>
/// <param name="Deferred">Deliveries that failed in a way that may pass and wait for a retry.</param>
/// <param name="NextDueAt">When the earliest pending delivery is due next; null when nothing is pending.</param>
public sealed record DeliveryPass(int Sent, int Failed, int Deferred, DateTimeOffset? NextDueAt);
