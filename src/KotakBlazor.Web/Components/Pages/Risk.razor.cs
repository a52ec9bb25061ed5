using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Risk;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The risk page: the kill switch (trip and reset for admins), where the account stands against
/// its limits (refreshed every second), the limits editor and the trip history. Everyone signed in
/// sees it; the services refuse changes by anyone but an admin on the server.
/// </summary>
public sealed partial class Risk : IAsyncDisposable
{
    private const int HistoryRows = 100;
    private static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private KillSwitchState _state = KillSwitchState.Armed;
    private RiskSummary? _summary;
    private RiskLimits _limits = RiskLimits.Default;
    private IReadOnlyList<KillSwitchChange> _history = [];
    private bool _isAdmin;
    private bool _live;

    [Inject]
    private KillSwitchService KillSwitch { get; set; } = default!;

    [Inject]
    private RiskSettingsService Settings { get; set; } = default!;

    [Inject]
    private IRiskStore Store { get; set; } = default!;

    [Inject]
    private TradingKernel Kernel { get; set; } = default!;

    [Inject]
    private KernelEventStreams Events { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Risk> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await CurrentUser.GetAsync())?.Role == UserRoles.Admin;
        _state = KillSwitch.State;
        _limits = Settings.Limits;
        _history = await Store.LoadKillSwitchHistoryAsync(HistoryRows, _stop.Token);
        _summary = await ReadSummaryAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var subscription = Events.KillSwitch.Subscribe(capacity: 16);
        _subscription = subscription;
        await RefreshAsync(reloadHistory: true);
        _live = true;
        StateHasChanged();
        _ = subscription.ForLatestAsync(latest => InvokeAsync(async () =>
        {
            await RefreshAsync(reloadHistory: true);
            // The kernel announces a change before the service has stored it: show it at once all the same.
            if (!_history.Any(h => h.Tripped == latest.Tripped && h.Actor == latest.Actor && (h.Time - latest.Time).Duration() < TimeSpan.FromSeconds(1)))
            {
                _history = [latest, .. _history];
            }

            StateHasChanged();
        }), TimeSpan.FromMilliseconds(100), _stop.Token);
        _ = RefreshSummaryAsync(_stop.Token);
    }

    private async Task RefreshSummaryAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SummaryInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync(reloadHistory: false);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private async Task RefreshAsync(bool reloadHistory)
    {
        try
        {
            _state = KillSwitch.State;
            _limits = Settings.Limits;
            _summary = await ReadSummaryAsync();
            if (reloadHistory)
            {
                _history = await Store.LoadKillSwitchHistoryAsync(HistoryRows, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The risk page could not refresh");
        }
    }

    // On the kernel's thread: the summary reads the position book and the order counts as the risk checks see them.
    private Task<RiskSummary> ReadSummaryAsync() =>
        Kernel.InvokeAsync(core => core.Risk.Summary(Clock.GetUtcNow()), _stop.Token);

    private async Task OnLimitsSavedAsync() => await RefreshAsync(reloadHistory: false);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
