using System.Threading.Channels;
using KotakBlazor.Core.Signals;
using KotakBlazor.Web.Components.Trading;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Strategies;

/// <summary>
/// Every strategy's signals, newest first: the last ones from the store when the page opens,
/// then live from the kernel, re-rendered at most ten times a second.
/// </summary>
public sealed partial class SignalFeed
{
    private const int MaxRows = 50;
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private List<SignalRow> _rows = [];
    private IDisposable? _subscription;
    private bool _live;
    private OrderTicketDialog? _ticket;

    [Inject]
    private StrategyDesk Desk { get; set; } = default!;

    [Inject]
    private KotakBlazor.Core.Instruments.IInstrumentCatalog Catalog { get; set; } = default!;

    [Inject]
    private ILogger<SignalFeed> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _rows = await LoadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe first, then read the store again: a signal raised in between is either stored or queued, never lost.
        var subscription = Desk.SubscribeSignals();
        _subscription = subscription;
        _rows = await LoadAsync();
        _live = true;
        StateHasChanged();
        _ = FollowAsync(subscription.Reader, _stop.Token);
    }

    private async Task<List<SignalRow>> LoadAsync()
    {
        try
        {
            return [.. (await Desk.RecentSignalsAsync(MaxRows, _stop.Token)).Select(s => new SignalRow(s))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Stored signals could not be read for the feed");
            return [];
        }
    }

    private async Task FollowAsync(ChannelReader<Signal> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out var signal))
                {
                    var identity = SignalIdentity.Of(signal);
                    if (!_rows.Exists(r => r.Identity == identity))
                    {
                        _rows.Insert(0, new SignalRow(signal));
                    }
                }

                if (_rows.Count > MaxRows)
                {
                    _rows.RemoveRange(MaxRows, _rows.Count - MaxRows);
                }

                await InvokeAsync(StateHasChanged);
                await Task.Delay(RenderInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    /// <summary>Opens the ticket with the signal's first leg; a multi-leg option signal also has a Builder link that lays out every leg.</summary>
    private void OpenTicket(SignalRow row)
    {
        var signal = row.Signal;
        if (signal.Legs.Count == 0)
        {
            return;
        }

        var leg = signal.Legs[0];
        var note = signal.Legs.Count > 1
            ? $"This {signal.StrategyName} signal has {signal.Legs.Count} legs: only the first ({leg.TradingSymbol}) is filled in here. Use Builder to place them all together."
            : $"From the {signal.StrategyName} signal at {row.Time} IST.";
        _ticket?.Open(new TicketDefaults(leg.Instrument, leg.Side, leg.Quantity, leg.OrderType, leg.Price, signal.Product, signal.StrategyId, note));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        _stop.Dispose();
    }
}
