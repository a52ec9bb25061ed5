using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Risk;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>
/// The red line on every page while the kill switch is tripped: who, when, why, and that no order
/// gets out. Live: a trip or reset anywhere (a person, the daily-loss limit) shows on every open
/// page at once, without a reload.
/// </summary>
public sealed partial class KillSwitchBanner : IAsyncDisposable
{
    // Every screen must show a trip within a second; a burst of changes is shown once.
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private KillSwitchState _state = KillSwitchState.Armed;
    private IDisposable? _subscription;
    private bool _live;

    [Inject]
    private KillSwitchService KillSwitch { get; set; } = default!;

    [Inject]
    private KernelEventStreams Events { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private string Actor => _state.Automatic ? $"{_state.ChangedBy} (daily-loss limit)" : _state.ChangedBy ?? "unknown";

    private string When => _state.ChangedAt is { } at ? DeskText.IstClock(at, Clock.GetUtcNow()) : "an unknown time";

    protected override void OnInitialized() => _state = KillSwitch.State;

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe, then read the state again: a change in between is either in the state or in the queue.
        var subscription = Events.KillSwitch.Subscribe(capacity: 16);
        _subscription = subscription;
        _state = KillSwitch.State;
        _live = true;
        StateHasChanged();
        _ = subscription.ForLatestAsync(latest => InvokeAsync(() =>
        {
            _state = new KillSwitchState(latest.Tripped, latest.Reason, latest.Actor, latest.Time, latest.Automatic);
            StateHasChanged();
        }), FollowInterval, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
