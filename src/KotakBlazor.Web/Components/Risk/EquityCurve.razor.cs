using KotakBlazor.Core.Journal;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>The journal's equity curve: cumulative P&amp;L after each round trip, by exit time, drawn by lightweight-charts.</summary>
public sealed partial class EquityCurve
{
    private readonly CancellationTokenSource _stop = new();
    private ElementReference _element;
    private IJSObjectReference? _module;
    private int _chartId;
    private IReadOnlyList<EquityPoint>? _drawn;
    private string? _error;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<EquityCurve> Logger { get; set; } = default!;

    /// <summary>The curve, oldest first.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<EquityPoint> Points { get; set; } = [];

    /// <summary>Where the curve starts from zero (the first entry of the range), if before its first point.</summary>
    [Parameter]
    public DateTimeOffset? Start { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                var module = await Js.InvokeAsync<IJSObjectReference>("import", _stop.Token, "./js/equityCurve.js");
                _chartId = await module.InvokeAsync<int>("create", _stop.Token, _element);
                _module = module;
            }

            if (_module is not null && !ReferenceEquals(_drawn, Points))
            {
                _drawn = Points;
                await _module.InvokeVoidAsync("setPoints", _stop.Token, _chartId, ChartPoints(Points, Start));
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
        catch (JSException ex)
        {
            _error = "The equity curve could not be drawn. Reload the page to try again.";
            Logger.LogWarning(ex, "Equity curve failed");
        }
    }

    /// <summary>
    /// The curve as the chart takes it: one point per second at most (the chart needs strictly
    /// rising times; round trips closed in the same second keep the last cumulative value), from
    /// zero at <paramref name="start"/>.
    /// </summary>
    internal static IReadOnlyList<ChartPoint> ChartPoints(IReadOnlyList<EquityPoint> points, DateTimeOffset? start)
    {
        var result = new List<ChartPoint>(points.Count + 1);
        if (points.Count > 0 && start is { } from && from.ToUnixTimeSeconds() < points[0].Time.ToUnixTimeSeconds())
        {
            result.Add(new ChartPoint(from.ToUnixTimeSeconds(), 0m));
        }

        foreach (var point in points)
        {
            var time = point.Time.ToUnixTimeSeconds();
            if (result.Count > 0 && result[^1].Time >= time)
            {
                result[^1] = result[^1] with { Value = point.CumulativePnl };
            }
            else
            {
                result.Add(new ChartPoint(time, point.CumulativePnl));
            }
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
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

    /// <summary>A point as the chart module takes it: Unix seconds (UTC) and rupees.</summary>
    internal readonly record struct ChartPoint(long Time, decimal Value);
}
