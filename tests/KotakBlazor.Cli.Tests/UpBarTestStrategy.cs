using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Cli.Tests;

/// <summary>Buys every bar that closes above its open: predictable signals for the command's tests.</summary>
internal sealed class UpBarTestStrategy(StrategySettings settings) : Strategy(settings)
{
    public static readonly StrategyDefinition Definition = new(
        "up-bar", "Up bar", "Buys when a bar closes up.", StrategyInstruments.Directional, Timeframe.OneMinute,
        [new StrategyParameter("confidence", "Confidence", StrategyParameterKind.Decimal, "0.5", 0, 1)],
        settings => new UpBarTestStrategy(settings));

    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        if (bar.Close > bar.Open)
        {
            context.Emit(SignalKind.Entry, [Leg(Settings.Instruments[0], OrderSide.Buy, bar.Close)], bar.Low, null, Settings.Decimal("confidence"), $"Bar closed up at {bar.Close}");
        }
    }
}
