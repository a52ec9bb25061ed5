using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// What the bell, the toasts and the notifications page do for the signed-in person: their own
/// centre and choices only (the user comes from the server's sign-in, never from the page).
/// </summary>
public sealed class NotificationCentre(NotificationOutbox outbox, NotificationInbox inbox, NotificationPreferenceStore preferences)
{
    /// <summary>Every stored notification; a screen keeps those whose recipients include its user.</summary>
    public Core.Messaging.EventStream<PostedNotification> Posted => outbox.Posted;

    /// <summary>The user's latest notifications, newest first.</summary>
    public Task<IReadOnlyList<InboxItem>> LoadAsync(ActingUser user, int limit, CancellationToken cancellationToken) =>
        IsSignedIn(user) ? inbox.LoadAsync(user.UserName, limit, cancellationToken) : Task.FromResult<IReadOnlyList<InboxItem>>([]);

    /// <summary>How many of the user's notifications are unread.</summary>
    public Task<int> UnreadCountAsync(ActingUser user, CancellationToken cancellationToken) =>
        IsSignedIn(user) ? inbox.UnreadCountAsync(user.UserName, cancellationToken) : Task.FromResult(0);

    /// <summary>The user names whose notifications were just marked read (their bells count again).</summary>
    public Core.Messaging.EventStream<string> MarkedRead { get; } = new();

    /// <summary>Marks one notification, or all, read for the user.</summary>
    public async Task<int> MarkReadAsync(ActingUser user, long? notificationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsSignedIn(user))
        {
            return 0;
        }

        var changed = await inbox.MarkReadAsync(user.UserName, notificationId, cancellationToken);
        MarkedRead.Publish(user.UserName);
        return changed;
    }

    /// <summary>The user's choices for every kind.</summary>
    public Task<IReadOnlyList<NotificationChoice>> LoadChoicesAsync(ActingUser user, CancellationToken cancellationToken) =>
        preferences.LoadAsync(user.UserName, cancellationToken);

    /// <summary>Stores the user's choices. Every signed-in person may choose for themselves, viewers included.</summary>
    public async Task<TradingResult> SaveChoicesAsync(ActingUser user, IReadOnlyList<NotificationChoice> choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsSignedIn(user))
        {
            return TradingResult.Refused("Sign in to choose your notifications.");
        }

        await preferences.SaveAsync(user.UserName, choices, cancellationToken);
        return TradingResult.Done("Your notification choices are saved.");
    }

    /// <summary>Whether a posted notification is for <paramref name="user"/>.</summary>
    public static bool IsFor(PostedNotification posted, ActingUser user) =>
        posted.InAppRecipients.Contains(user.UserName, StringComparer.Ordinal);

    private static bool IsSignedIn(ActingUser user) => !string.IsNullOrEmpty(user.Role) && user.UserName != "?";
}
