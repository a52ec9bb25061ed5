using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Positions;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>
/// Today's P&amp;L in the header of every page, live. Snapshots are coalesced to the latest and the
/// badge re-renders at most four times a second, however fast prices move.
/// </summary>
public sealed partial class DayPnlBadge
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private EventStream<PortfolioSnapshot>.Subscription? _subscription;
    private decimal _pnl;
    private decimal _realized;
    private decimal _unrealized;
    private bool _live;

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    protected override void OnInitialized() => Apply(Desk.Portfolio);

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe, then read the latest again: a snapshot published in between is not lost.
        _subscription = Desk.SubscribePortfolio();
        Apply(Desk.Portfolio);
        _live = true;
        StateHasChanged();
        _ = FollowAsync(_subscription, _stop.Token);
    }

    private Task FollowAsync(EventStream<PortfolioSnapshot>.Subscription subscription, CancellationToken cancellationToken) =>
        subscription.ForLatestAsync(latest => latest.DayPnl == _pnl ? Task.CompletedTask : InvokeAsync(() =>
        {
            Apply(latest);
            StateHasChanged();
        }), RenderInterval, cancellationToken);

    private void Apply(PortfolioSnapshot snapshot)
    {
        _pnl = snapshot.DayPnl;
        _realized = snapshot.RealizedPnl;
        _unrealized = snapshot.UnrealizedPnl;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
