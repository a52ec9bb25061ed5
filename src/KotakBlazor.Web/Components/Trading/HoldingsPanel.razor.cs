using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>
/// Demat holdings (system-tracked apart from pre-existing) and the account's funds. They move only
/// when orders fill, so they are read from the broker after order changes, at most every two seconds.
/// </summary>
public sealed partial class HoldingsPanel
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private EventStream<Order>.Subscription? _subscription;
    private HoldingsView? _holdings;
    private BrokerFunds? _funds;
    private string? _fundsProblem;
    private bool _fundsLoaded;
    private bool _loading;

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    [Inject]
    private ILogger<HoldingsPanel> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Desk.SubscribeOrders();
            _ = _subscription.ForLatestAsync(_ => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), RefreshInterval, _stop.Token);
        }
    }

    private async Task RefreshAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _holdings = await Desk.LoadHoldingsAsync(_stop.Token);
            var funds = await Desk.LoadFundsAsync(_stop.Token);
            _funds = funds.IsSuccess ? funds.Value : null;
            _fundsProblem = funds.Error?.Message;
            _fundsLoaded = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Holdings or funds could not be read");
            _fundsProblem = ex.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
