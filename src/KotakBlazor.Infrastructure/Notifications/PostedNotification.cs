using KotakBlazor.Core.Notifications;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>A notification once stored: who gets it in the app (for live toasts) and whether it is queued for Telegram.</summary>
/// <param name="Id">Its stored id.</param>
/// <param name="Notification">What it says.</param>
/// <param name="InAppRecipients">The users whose centre it is in.</param>
/// <param name="QueuedForTelegram">True when an outbox delivery to Telegram was written with it.</param>
public sealed record PostedNotification(long Id, Notification Notification, IReadOnlyList<string> InAppRecipients, bool QueuedForTelegram);
