using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The notification centre: this person's notifications (live), their choices of what to receive
/// where, and for admins the Telegram bot and its outbox (pending, sent, refused with the reason).
/// </summary>
public sealed partial class Notifications : IAsyncDisposable
{
    private const int Shown = 200;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private Core.Messaging.EventStream<PostedNotification>.Subscription? _posted;
    private Core.Messaging.EventStream<DeliveryPass>.Subscription? _passes;
    private ActingUser _user = new("?", string.Empty);
    private IReadOnlyList<InboxItem> _items = [];
    private IReadOnlyList<NotificationChoice>? _choices;
    private IReadOnlyList<DeliveryView> _deliveries = [];
    private DateTimeOffset _now;
    private bool _isAdmin;
    private bool _live;

    [Inject]
    private NotificationCentre Centre { get; set; } = default!;

    [Inject]
    private TelegramSetup Telegram { get; set; } = default!;

    [Inject]
    private TelegramDeliveryWorker Worker { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Notifications> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.ActingAsync();
        _isAdmin = _user.Role == UserRoles.Admin;
        _now = Clock.GetUtcNow();
        _items = await Centre.LoadAsync(_user, Shown, _stop.Token);
        _choices = await Centre.LoadChoicesAsync(_user, _stop.Token);
        _deliveries = await Telegram.LoadDeliveriesAsync(_user, 50, _stop.Token);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _posted = Centre.Posted.Subscribe(256);
        _passes = Worker.Passes.Subscribe(64);
        await ReloadAsync();
        _live = true;
        StateHasChanged();
        // A burst of notifications or deliveries is shown at most twice a second.
        _ = _posted.ForLatestAsync(_ => InvokeAsync(ReloadAndRenderAsync), RefreshInterval, _stop.Token);
        _ = _passes.ForLatestAsync(_ => InvokeAsync(ReloadAndRenderAsync), RefreshInterval, _stop.Token);
    }

    private async Task ReloadAndRenderAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _now = Clock.GetUtcNow();
            _items = await Centre.LoadAsync(_user, Shown, _stop.Token);
            _deliveries = await Telegram.LoadDeliveriesAsync(_user, 50, _stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The notifications page could not refresh");
        }
    }

    private async Task MarkReadAsync(long? notificationId)
    {
        await Centre.MarkReadAsync(_user, notificationId, _stop.Token);
        await ReloadAsync();
    }

    private async Task<TradingResult> SaveChoicesAsync(IReadOnlyList<NotificationChoice> choices)
    {
        var result = await Centre.SaveChoicesAsync(_user, choices, _stop.Token);
        if (result.Succeeded)
        {
            _choices = await Centre.LoadChoicesAsync(_user, _stop.Token);
        }

        return result;
    }

    private async Task ReloadDeliveriesAsync() => _deliveries = await Telegram.LoadDeliveriesAsync(_user, 50, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _posted?.Dispose();
        _passes?.Dispose();
        _stop.Dispose();
    }
}
