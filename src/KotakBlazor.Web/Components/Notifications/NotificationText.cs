using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Notifications;

namespace KotakBlazor.Web.Components.Notifications;

/// <summary>Words for notification kinds and delivery states on the screens.</summary>
public static class NotificationText
{
    public static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.OrderPlaced => "Order placed",
        NotificationKind.OrderExecuted => "Order filled",
        NotificationKind.OrderRejected => "Order rejected or failed",
        NotificationKind.OrderCancelled => "Order cancelled",
        NotificationKind.ManualTradeDetected => "Manual trade found",
        NotificationKind.KillSwitchTripped => "Kill switch tripped",
        NotificationKind.KillSwitchReset => "Kill switch reset",
        NotificationKind.FeedDown => "Market feed down",
        NotificationKind.FeedRestored => "Market feed back",
        NotificationKind.EndOfDaySummary => "End-of-day summary",
        _ => "System (expiry, cleanup, broker)",
    };

    public static string Delivery(DeliveryView delivery) => delivery.Status switch
    {
        DeliveryStatus.Sent => "Sent to Telegram",
        DeliveryStatus.Failed => "Telegram refused: " + (delivery.LastError ?? "no reason given"),
        _ when delivery.Attempts == 0 => "Queued for Telegram",
        _ => $"Telegram not reached yet ({delivery.Attempts} tries; {delivery.LastError}); retrying",
    };
}
