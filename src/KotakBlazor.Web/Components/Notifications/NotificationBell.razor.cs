using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Notifications;

/// <summary>
/// The header's bell and this person's toasts, live: every notification stored for them (by their
/// choices) bumps the unread count and shows a toast for a few seconds. A burst shows the newest few.
/// </summary>
public sealed partial class NotificationBell : IAsyncDisposable
{
    private const int MaxToasts = 4;
    private static readonly TimeSpan ToastLife = TimeSpan.FromSeconds(8);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PostedNotification> _toasts = [];
    private Core.Messaging.EventStream<PostedNotification>.Subscription? _subscription;
    private Core.Messaging.EventStream<string>.Subscription? _readMarks;
    private ActingUser _user = new("?", string.Empty);
    private int _unread;
    private bool _live;

    [Inject]
    private NotificationCentre Centre { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ILogger<NotificationBell> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.ActingAsync();
        _unread = await Centre.UnreadCountAsync(_user, _stop.Token);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe, then count again: a notification in between is either counted or in the queue.
        _subscription = Centre.Posted.Subscribe(256);
        _readMarks = Centre.MarkedRead.Subscribe(64);
        _unread = await Centre.UnreadCountAsync(_user, _stop.Token);
        _live = true;
        StateHasChanged();
        _ = FollowAsync(_subscription, _stop.Token);
        _ = FollowReadMarksAsync(_readMarks, _stop.Token);
    }

    /// <summary>The first line of a body, for a toast (the centre shows the rest).</summary>
    private static string FirstLine(string body) => body.Split('\n', 2)[0];

    private async Task FollowAsync(Core.Messaging.EventStream<PostedNotification>.Subscription subscription, CancellationToken cancellationToken)
    {
        await subscription.ForEachAsync(async posted =>
        {
            if (!NotificationCentre.IsFor(posted, _user))
            {
                return;
            }

            var unread = await Centre.UnreadCountAsync(_user, cancellationToken);
            await InvokeAsync(() =>
            {
                _unread = unread;
                _toasts.Insert(0, posted);
                if (_toasts.Count > MaxToasts)
                {
                    _toasts.RemoveRange(MaxToasts, _toasts.Count - MaxToasts);
                }

                StateHasChanged();
            });
            _ = ExpireAsync(posted.Id, cancellationToken);
        }, (ex, _) => Logger.LogWarning(ex, "A notification could not be shown"), cancellationToken);
    }

    private async Task ExpireAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            // A toast's lifetime on screen, not synchronisation: real time is right here.
            await Task.Delay(ToastLife, cancellationToken);
            await InvokeAsync(() => Dismiss(id));
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private void Dismiss(long id)
    {
        if (_toasts.RemoveAll(t => t.Id == id) > 0)
        {
            StateHasChanged();
        }
    }

    private async Task FollowReadMarksAsync(Core.Messaging.EventStream<string>.Subscription marks, CancellationToken cancellationToken)
    {
        await marks.ForEachAsync(async userName =>
        {
            if (userName == _user.UserName)
            {
                var unread = await Centre.UnreadCountAsync(_user, cancellationToken);
                await InvokeAsync(() =>
                {
                    _unread = unread;
                    StateHasChanged();
                });
            }
        }, (ex, _) => Logger.LogWarning(ex, "The unread count could not be refreshed"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _readMarks?.Dispose();
        _stop.Dispose();
    }
}
