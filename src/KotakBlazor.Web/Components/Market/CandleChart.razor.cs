using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Web.Market;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace KotakBlazor.Web.Components.Market;

/// <summary>
/// A lightweight-charts candlestick chart of one instrument: the history once, then only the
/// forming candle, at most four times a second.
/// </summary>
public sealed partial class CandleChart
{
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private ElementReference _element;
    private IJSObjectReference? _module;
    private int _chartId;
    private InstrumentId? _shown;
    private MarketWatch? _watch;
    private string? _title;
    private string? _error;
    private DateTimeOffset _lastBarStart;

    [Inject]
    private LiveMarket Market { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<CandleChart> Logger { get; set; } = default!;

    [Parameter]
    public InstrumentId? Instrument { get; set; }

    protected override void OnParametersSet() =>
        _title = Instrument is { } id ? Market.Describe(id) : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await Js.InvokeAsync<IJSObjectReference>("import", _stop.Token, "./js/candleChart.js");
                _chartId = await _module.InvokeAsync<int>("create", _stop.Token, _element);
                _watch = Market.Watch([]);
                _ = FollowAsync(_stop.Token);
            }

            if (_module is not null && Instrument != _shown && Instrument is { } id)
            {
                _shown = id;
                _watch!.SetInstruments([id]);
                var bars = Market.GetCandles(id);
                _lastBarStart = bars.Count > 0 ? bars[^1].Start : default;
                await _module.InvokeVoidAsync("setBars", _stop.Token, _chartId, bars.Select(ChartBar.From).ToArray(), Market.PriceDecimals(id));
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser went away; nothing to draw on.
        }
        catch (Exception ex) when (ex is JSException or InvalidOperationException)
        {
            _error = "The chart could not be drawn. Reload the page to try again.";
            Logger.LogWarning(ex, "Chart failed for {Instrument}", Instrument);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var changed = new List<Tick>();
        try
        {
            while (await _watch!.WaitForChangesAsync(cancellationToken))
            {
                changed.Clear();
                _watch.TakeChanged(changed);
                if (_shown is { } id && _module is not null && Market.TryGetFormingCandle(id, out var bar))
                {
                    _lastBarStart = bar.Start;
                    await _module.InvokeVoidAsync("updateBar", cancellationToken, _chartId, ChartBar.From(bar));
                }

                await Task.Delay(UpdateInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
        catch (JSDisconnectedException)
        {
            // The browser went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watch?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _chartId);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // Nothing left to clean up in the browser.
            }
        }

        _stop.Dispose();
    }

    /// <summary>A bar as the chart module takes it: time in Unix seconds (UTC), prices as numbers.</summary>
    private readonly record struct ChartBar(long Time, decimal Open, decimal High, decimal Low, decimal Close, long Volume)
    {
        public static ChartBar From(Bar bar) => new(bar.Start.ToUnixTimeSeconds(), bar.Open, bar.High, bar.Low, bar.Close, bar.Volume);
    }
}
