using KotakBlazor.Core.Notifications;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>Where one user wants one kind of notification.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="InApp">In the notification centre, with a toast.</param>
/// <param name="Telegram">On the Telegram chat.</param>
public sealed record NotificationChoice(NotificationKind Kind, bool InApp, bool Telegram)
{
    /// <summary>
    /// Until a user chooses: everything in the app; on Telegram everything but the routine
    /// placements and cancellations, which would drown what matters.
    /// </summary>
    public static NotificationChoice Default(NotificationKind kind) =>
        new(kind, true, kind is not (NotificationKind.OrderPlaced or NotificationKind.OrderCancelled));
}
