using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Web.Market;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace KotakBlazor.Web.Components.Market;

/// <summary>
/// A lightweight-charts candlestick chart of one instrument with EMA and VWAP lines and a marker
/// where each signal fired: the history once, then only the forming candle and the lines' last
/// points, at most four times a second.
/// </summary>
public sealed partial class CandleChart
{
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromMilliseconds(250);
    private const int SignalHistory = 500;

    private readonly CancellationTokenSource _stop = new();
    private readonly ChartOverlays _overlays = new();
    private readonly List<Signal> _signals = [];
    private ElementReference _element;
    private IJSObjectReference? _module;
    private int _chartId;
    private InstrumentId? _shown;
    private MarketWatch? _watch;
    private IDisposable? _signalSubscription;
    private string? _title;
    private string? _error;
    private DateTimeOffset _lastBarStart;

    [Inject]
    private LiveMarket Market { get; set; } = default!;

    [Inject]
    private StrategyDesk Desk { get; set; } = default!;

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
                // Renders that happen while this awaits see no module and leave the chart alone;
                // the module is set last, once the chart, the watch and the signals are all ready.
                var module = await Js.InvokeAsync<IJSObjectReference>("import", _stop.Token, "./js/candleChart.js");
                _chartId = await module.InvokeAsync<int>("create", _stop.Token, _element);
                _watch = Market.Watch([]);
                var signals = Desk.SubscribeSignals();
                _signalSubscription = signals;
                _signals.AddRange((await Desk.RecentSignalsAsync(SignalHistory, _stop.Token)).Reverse());
                _module = module;
                _ = FollowAsync(_stop.Token);
                _ = FollowSignalsAsync(signals.Reader, _stop.Token);
            }

            if (_module is not null && Instrument != _shown && Instrument is { } id)
            {
                _shown = id;
                _watch!.SetInstruments([id]);
                await ShowAsync(id, _stop.Token);
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser went away; nothing to draw on.
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
        catch (Exception ex) when (ex is JSException or InvalidOperationException)
        {
            _error = "The chart could not be drawn. Reload the page to try again.";
            Logger.LogWarning(ex, "Chart failed for {Instrument}", Instrument);
        }
    }

    private async Task ShowAsync(InstrumentId id, CancellationToken cancellationToken)
    {
        var bars = Market.GetCandles(id);
        Bar? forming = Market.TryGetFormingCandle(id, out var open) ? open : null;
        var closed = bars.Where(b => forming is not { } f || b.Start < f.Start);
        _lastBarStart = bars.Count > 0 ? bars[^1].Start : default;
        var (ema, vwap) = _overlays.Reset(closed, forming);
        var module = _module!;
        await module.InvokeVoidAsync("setBars", cancellationToken, _chartId, bars.Select(ChartBar.From).ToArray(), Market.PriceDecimals(id));
        await module.InvokeVoidAsync("setOverlays", cancellationToken, _chartId, new { ema, vwap });
        await module.InvokeVoidAsync("setMarkers", cancellationToken, _chartId, MarkersFor(id));
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
                    if (bar.Start > _lastBarStart)
                    {
                        await CloseBarsBeforeAsync(id, bar.Start, cancellationToken);
                    }

                    _lastBarStart = bar.Start;
                    await _module.InvokeVoidAsync("updateBar", cancellationToken, _chartId, ChartBar.From(bar));
                    await _module.InvokeVoidAsync("updateOverlay", cancellationToken, _chartId, _overlays.Preview(in bar));
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

    // A new candle started: the ones that closed since the last update move the indicators on.
    private async Task CloseBarsBeforeAsync(InstrumentId id, DateTimeOffset formingStart, CancellationToken cancellationToken)
    {
        foreach (var closed in Market.GetCandles(id))
        {
            if (closed.Start > _overlays.LastClosed && closed.Start < formingStart)
            {
                await _module!.InvokeVoidAsync("updateOverlay", cancellationToken, _chartId, _overlays.Close(in closed));
            }
        }
    }

    private async Task FollowSignalsAsync(System.Threading.Channels.ChannelReader<Signal> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var relevant = false;
                while (reader.TryRead(out var signal))
                {
                    if (_signals.Exists(s => SignalIdentity.Of(s) == SignalIdentity.Of(signal)))
                    {
                        continue;
                    }

                    _signals.Add(signal);
                    relevant |= _shown is { } id && Concerns(signal, id);
                }

                if (_signals.Count > SignalHistory)
                {
                    _signals.RemoveRange(0, _signals.Count - SignalHistory);
                }

                if (relevant && _shown is { } shown && _module is not null)
                {
                    await _module.InvokeVoidAsync("setMarkers", cancellationToken, _chartId, MarkersFor(shown));
                }
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

    private ChartMarker[] MarkersFor(InstrumentId id) => [.. _signals.Where(s => Concerns(s, id)).Select(ChartMarker.From)];

    // A signal belongs on this chart when it trades the instrument or its strategy watches it (an option strategy on the index).
    private bool Concerns(Signal signal, InstrumentId id) =>
        signal.Legs.Any(l => l.Instrument == id)
        || Desk.Strategies.Any(s => s.Id == signal.StrategyId && s.Config.Instruments.Contains(id));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watch?.Dispose();
        _signalSubscription?.Dispose();
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

    /// <summary>A signal as a lightweight-charts marker on the 1-minute candle in which it fired.</summary>
    private readonly record struct ChartMarker(long Time, string Position, string Shape, string Color, string Text)
    {
        private const string Buy = "#26a69a";
        private const string Sell = "#ef5350";
        private const string MultiLeg = "#42a5f5";

        public static ChartMarker From(Signal signal)
        {
            var minute = signal.Time.ToUnixTimeSeconds();
            minute -= minute % 60;
            // Short labels: a busy chart stays readable, and the signal feed has the details.
            var exit = signal.Kind == SignalKind.Exit ? "Exit " : "";
            if (signal.Legs.Count > 1)
            {
                return new ChartMarker(minute, "aboveBar", "circle", MultiLeg, $"{exit}{signal.Legs.Count}L");
            }

            return signal.Legs[0].Side == OrderSide.Buy
                ? new ChartMarker(minute, "belowBar", "arrowUp", Buy, exit + "B")
                : new ChartMarker(minute, "aboveBar", "arrowDown", Sell, exit + "S");
        }
    }
}
