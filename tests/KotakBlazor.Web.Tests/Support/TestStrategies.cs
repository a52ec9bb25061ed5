using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Web.Tests.Support;

/// <summary>
/// Strategies for web and browser tests, while the built-in ones arrive on another branch:
/// one that fires on every closed bar, so a page shows a signal within one bar.
/// </summary>
public static class TestStrategies
{
    public const string EveryBarKey = "test-every-bar";

    /// <summary>Signals on every closed bar: buys after an up bar, sells after a down bar (or always one side).</summary>
    public static readonly StrategyDefinition EveryBar = new(
        EveryBarKey,
        "Every bar (test)",
        "Raises a signal on every closed bar: a buy when the bar closed up, a sell when it closed down. For tests and demos only.",
        StrategyInstruments.Directional,
        Timeframe.OneMinute,
        [
            new StrategyParameter("stopLossPercent", "Stop-loss %", StrategyParameterKind.Decimal, "0.5", 0.1m, 10m, "How far below (buys) or above (sells) the close the stop-loss sits."),
            new StrategyParameter("side", "Side", StrategyParameterKind.Choice, "Follow bar", Help: "Which side to signal.", Choices: ["Follow bar", "Buy", "Sell"]),
            new StrategyParameter("confidence", "Confidence %", StrategyParameterKind.Integer, "60", 0, 100, "Reported with each signal."),
            new StrategyParameter("quietAfter", "Quiet after", StrategyParameterKind.TimeOfDay, "15:20", Help: "No signals after this IST time (not enforced by this test strategy)."),
            new StrategyParameter("tagReason", "Tag the reason", StrategyParameterKind.Boolean, "true", Help: "Adds the bar's range to the reason."),
        ],
        settings => new EveryBarStrategy(settings));

    /// <summary>A catalogue with the test strategies, for <c>LoopbackApp.StartAsync(configure: ...)</c>.</summary>
    public static void Register(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new StrategyCatalog([EveryBar]));
    }

    private sealed class EveryBarStrategy(StrategySettings settings) : Strategy(settings)
    {
        public override void OnBar(in Bar bar, IStrategyContext context)
        {
            var side = Settings.Choice("side") switch
            {
                "Buy" => OrderSide.Buy,
                "Sell" => OrderSide.Sell,
                _ => bar.Close >= bar.Open ? OrderSide.Buy : OrderSide.Sell,
            };
            var distance = bar.Close * Settings.Decimal("stopLossPercent") / 100m;
            var id = bar.Instrument;
            var instrument = Settings.Instruments.First(i => i.Id == id);
            var stop = side == OrderSide.Buy ? bar.Close - distance : bar.Close + distance;
            var target = side == OrderSide.Buy ? bar.Close + (2 * distance) : bar.Close - (2 * distance);
            var reason = $"Bar {KotakBlazor.Core.Time.IndianMarketTime.ToIst(bar.Start):HH:mm} closed {(bar.Close >= bar.Open ? "up" : "down")} at {bar.Close}";
            if (Settings.Boolean("tagReason"))
            {
                reason += $" (range {bar.High - bar.Low})";
            }

            context.Emit(
                SignalKind.Entry,
                [Leg(instrument, side, bar.Close)],
                instrument.RoundToTick(stop),
                instrument.RoundToTick(target),
                Settings.Integer("confidence") / 100m,
                reason);
        }
    }
}
