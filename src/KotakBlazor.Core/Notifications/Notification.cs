namespace KotakBlazor.Core.Notifications;

/// <summary>What happened, in the words a trader chooses to hear about (per-user preferences key on this).</summary>
public enum NotificationKind
{
    /// <summary>An order reached the broker.</summary>
    OrderPlaced,

    /// <summary>An order filled (fully or partly).</summary>
    OrderExecuted,

    /// <summary>The broker refused an order.</summary>
    OrderRejected,

    /// <summary>An order was cancelled.</summary>
    OrderCancelled,

    /// <summary>A quantity the system did not trade appeared at the broker.</summary>
    ManualTradeDetected,

    /// <summary>The kill switch was tripped (by an admin or by the daily-loss limit).</summary>
    KillSwitchTripped,

    /// <summary>The kill switch was reset by an admin.</summary>
    KillSwitchReset,

    /// <summary>A market or order feed dropped or went silent while the market is open.</summary>
    FeedDown,

    /// <summary>A feed that was down is delivering again.</summary>
    FeedRestored,

    /// <summary>The end-of-day cleanup's summary of the day.</summary>
    EndOfDaySummary,

    /// <summary>Anything else an operator must see (a failed cleanup step, a broker login failure).</summary>
    System,
}

/// <summary>How loudly a notification asks for attention.</summary>
public enum NotificationSeverity
{
    /// <summary>For the record.</summary>
    Info,

    /// <summary>Good news: an order filled, a feed came back.</summary>
    Success,

    /// <summary>Needs a look soon.</summary>
    Warning,

    /// <summary>Money may be at risk: act now.</summary>
    Critical,
}

/// <summary>
/// One thing to tell people. Plain text: each channel formats it (Telegram escapes MarkdownV2 itself),
/// so no caller has to know which channels exist.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Severity">How loudly to say it.</param>
/// <param name="Title">One line, e.g. "Order filled: BUY 50 NIFTY 24500 CE".</param>
/// <param name="Body">Details in plain text; may be empty.</param>
/// <param name="At">When it happened.</param>
/// <param name="UserName">The user it concerns (an order's owner), or null for everyone who chose this kind.</param>
public sealed record Notification(
    NotificationKind Kind,
    NotificationSeverity Severity,
    string Title,
    string Body,
    DateTimeOffset At,
    string? UserName = null);

/// <summary>
/// Where the engine hands notifications. Implementations must not block the caller on a slow channel:
/// they record the notification (the outbox) and deliver it in the background.
/// </summary>
public interface INotifier
{
    /// <summary>Records <paramref name="notification"/> for delivery on every channel its recipients chose.</summary>
    ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken);
}

/// <summary>A notifier that drops everything: for hosts and tests that have no channels.</summary>
public sealed class NullNotifier : INotifier
{
    /// <summary>The one instance.</summary>
    public static NullNotifier Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
