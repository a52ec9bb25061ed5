using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Tests.Replay;

/// <summary>
/// Hears bars and ticks: buys on the first tick that trades above the last closed bar's high,
/// once per bar, with a stop, a target and metadata, so a comparison covers every field of a signal.
/// </summary>
internal sealed class BreakoutTestStrategy(StrategySettings settings) : Strategy(settings)
{
    public static readonly StrategyDefinition Definition = new(
        "breakout-test", "Breakout (test)", "Buys above the last bar's high.", StrategyInstruments.Directional, Timeframe.OneMinute,
        [],
        settings => new BreakoutTestStrategy(settings));

    private decimal? _high;
    private bool _fired;

    public override IEnumerable<InstrumentId> TickInstruments => BarInstruments;

    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        _high = bar.High;
        _fired = false;
    }

    public override void OnTick(in Tick tick, IStrategyContext context)
    {
        if (_high is not { } high || _fired || tick.LastPrice <= high)
        {
            return;
        }

        _fired = true;
        var metadata = new Dictionary<string, string>
        {
            ["barHigh"] = high.ToString(CultureInfo.InvariantCulture),
            ["volume"] = tick.Volume.ToString(CultureInfo.InvariantCulture),
        };
        context.Emit(
            SignalKind.Entry,
            [Leg(Settings.Instruments[0], OrderSide.Buy, tick.LastPrice)],
            high - 1m,
            tick.LastPrice + 2m,
            Math.Min(1m, (tick.LastPrice - high) * 10m),
            $"Traded {tick.LastPrice} above the bar high {high}",
            metadata);
    }
}
