using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace KotakBlazor.Web.Components.Trading;

/// <summary>
/// Trades reconciliation found at the broker that the system did not place: new ones highlighted
/// until a trader adopts them (they count as system positions from then on) or ignores them
/// (the system never touches them). Both ask first.
/// </summary>
public sealed partial class ManualTradesPanel
{
    private const int MaxRows = 50;

    private readonly CancellationTokenSource _stop = new();
    private EventStream<ManualTrade>.Subscription? _subscription;
    private IReadOnlyList<ManualTrade> _trades = [];
    private bool _live;
    private bool _busy;
    private string? _message;
    private bool _messageIsError;

    [Parameter]
    public bool CanTrade { get; set; }

    [Inject]
    private TradingDesk Desk { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private ILogger<ManualTradesPanel> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe, then load again: one found in between is either loaded or queued.
        _subscription = Desk.SubscribeManualTrades();
        await LoadAsync();
        _live = true;
        StateHasChanged();
        _ = _subscription.ForLatestAsync(_ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), TimeSpan.FromMilliseconds(250), _stop.Token);
    }

    private async Task LoadAsync()
    {
        try
        {
            _trades = [.. (await Desk.LoadManualTradesAsync(_stop.Token)).Take(MaxRows)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Manual trades could not be read");
            Show("Manual trades could not be read: " + ex.Message, true);
        }
    }

    private Task AdoptAsync(ManualTrade trade) => ResolveAsync(trade, adopt: true,
        $"Adopt {Describe(trade)} into tracking? From now on it counts as a system position: it shows in positions and P&L, and strategies and square-offs may sell it.",
        "Adopt manual trade", "Adopt");

    private Task IgnoreAsync(ManualTrade trade) => ResolveAsync(trade, adopt: false,
        $"Ignore {Describe(trade)}? The system will never count or touch it; it stays at the broker as it is.",
        "Ignore manual trade", "Ignore");

    private async Task ResolveAsync(ManualTrade trade, bool adopt, string question, string title, string ok)
    {
        var confirmed = await Dialogs.Confirm(question, title, new ConfirmOptions { OkButtonText = ok, CancelButtonText = "Not now" });
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = adopt ? await Desk.AdoptAsync(trade.Id, CancellationToken.None) : await Desk.IgnoreAsync(trade.Id, CancellationToken.None);
            Show(result.Message, !result.Succeeded);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Describe(ManualTrade trade) =>
        $"the manual {trade.Kind.ToString().ToLowerInvariant()} of {TradingFormat.Quantity(trade.Quantity)} {trade.TradingSymbol} ({TradingFormat.Product(trade.Product)}) at {TradingFormat.Price(trade.AveragePrice)}";

    private void Show(string message, bool isError)
    {
        _message = message;
        _messageIsError = isError;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
