using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Infrastructure.Watchlists;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Trading;
using KotakBlazor.Web.Market;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace KotakBlazor.Web.Components.Market;

/// <summary>
/// The user's saved symbols with live prices. Ticks arrive coalesced per instrument and the
/// table re-renders at most ten times a second, so a tab stays smooth with many symbols.
/// </summary>
public sealed partial class Watchlist
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<WatchlistRow> _rows = [];
    private readonly CancellationTokenSource _stop = new();
    private MarketWatch? _watch;
    private int? _userId;
    private string? _message;
    private OrderTicketDialog? _ticket;

    [Inject]
    private LiveMarket Market { get; set; } = default!;

    [Inject]
    private WatchlistStore Store { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IInstrumentCatalog Instruments { get; set; } = default!;

    [Parameter]
    public InstrumentId? Selected { get; set; }

    [Parameter]
    public EventCallback<InstrumentId> SelectedChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _userId = (await CurrentUser.GetAsync())?.Id;
        if (_userId is null)
        {
            return;
        }

        foreach (var item in await Store.GetAsync(_userId.Value, _stop.Token))
        {
            _rows.Add(NewRow(item.Instrument, item.TradingSymbol));
        }

        if (Selected is null && _rows.Count > 0)
        {
            await SelectedChanged.InvokeAsync(_rows[0].Instrument);
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _watch = Market.Watch(_rows.Select(r => r.Instrument));
            _ = RenderLiveAsync(_stop.Token);
            StateHasChanged();
        }
    }

    private async Task RenderLiveAsync(CancellationToken cancellationToken)
    {
        var changed = new List<Tick>();
        try
        {
            while (await _watch!.WaitForChangesAsync(cancellationToken))
            {
                changed.Clear();
                _watch.TakeChanged(changed);
                foreach (var tick in changed)
                {
                    _rows.Find(r => r.Instrument == tick.Instrument)?.Apply(tick);
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

    private async Task AddAsync(Instrument instrument)
    {
        _message = null;
        if (_userId is null)
        {
            return;
        }

        _message = await Store.AddAsync(_userId.Value, instrument.Id, _stop.Token);
        if (_message is null)
        {
            _rows.Add(NewRow(instrument.Id, instrument.TradingSymbol));
            _watch?.SetInstruments(_rows.Select(r => r.Instrument));
            await SelectedChanged.InvokeAsync(instrument.Id);
        }
    }

    private async Task RemoveAsync(WatchlistRow row)
    {
        if (_userId is null)
        {
            return;
        }

        await Store.RemoveAsync(_userId.Value, row.Instrument, _stop.Token);
        _rows.Remove(row);
        _watch?.SetInstruments(_rows.Select(r => r.Instrument));
        if (row.Instrument == Selected && _rows.Count > 0)
        {
            await SelectedChanged.InvokeAsync(_rows[0].Instrument);
        }
    }

    private bool IsTradable(InstrumentId id) => Instruments.TryGet(id, out var instrument) && instrument.IsTradable;

    private void OpenTicket(WatchlistRow row) => _ticket?.Open(new TicketDefaults(row.Instrument));

    private Task SelectAsync(WatchlistRow row) => SelectedChanged.InvokeAsync(row.Instrument);

    private async Task OnRowKeyAsync(KeyboardEventArgs e, WatchlistRow row)
    {
        if (e.Key is "Enter" or " ")
        {
            await SelectAsync(row);
        }
        else if (e.Key is "Delete" or "Backspace")
        {
            await RemoveAsync(row);
        }
    }

    private WatchlistRow NewRow(InstrumentId id, string symbol)
    {
        var row = new WatchlistRow(id, symbol, Market.Describe(id) ?? symbol, Market.PriceDecimals(id));
        if (Market.TryGetLatest(id, out var tick))
        {
            row.Apply(tick, flash: false);
        }

        return row;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watch?.Dispose();
        _stop.Dispose();
    }
}
