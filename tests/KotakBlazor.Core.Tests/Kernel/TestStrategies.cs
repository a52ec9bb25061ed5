using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Tests.Kernel;

/// <summary>Small strategies whose behaviour the kernel tests can predict exactly.</summary>
internal static class TestStrategies
{
    public static readonly Instrument Reliance = new(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);
    public static readonly Instrument Infy = new(new InstrumentId(ExchangeSegment.NseCm, 1594), "INFY-EQ", "INFY", "Infosys", InstrumentType.Equity, "INFY", 1, 0.05m, 0);
    public static readonly InstrumentCatalog Catalog = new([Reliance, Infy]);

    /// <summary>Buys on every bar whose close is above its open; records what it saw.</summary>
    public static readonly StrategyDefinition UpBar = new(
        "up-bar", "Up bar", "Buys when a bar closes up.", StrategyInstruments.Directional, Timeframe.OneMinute,
        [new StrategyParameter("throwOnBar", "Throw on bar", StrategyParameterKind.Integer, "0", 0, 1000)],
        settings => new UpBarStrategy(settings));

    public static StrategySettings Settings(StrategyDefinition definition, string name = "test", Timeframe? timeframe = null, Instrument? instrument = null, IReadOnlyDictionary<string, string>? parameters = null, bool enabled = true)
    {
        var config = new StrategyConfig(Guid.NewGuid(), definition.Key, name, [(instrument ?? Reliance).Id], timeframe ?? Timeframe.OneMinute, 2, ProductType.Mis, parameters ?? new Dictionary<string, string>(), enabled);
        Assert.True(StrategySettings.TryCreate(definition, config, Catalog, out var settings, out var errors), string.Join("; ", errors));
        return settings!;
    }

    public sealed class UpBarStrategy(StrategySettings settings) : Strategy(settings)
    {
        private int _bars;

        public List<(Bar Bar, bool WarmingUp)> Seen { get; } = [];

        public override void OnBar(in Bar bar, IStrategyContext context)
        {
            _bars++;
            Seen.Add((bar, context.IsWarmingUp));
            if (_bars == Settings.Integer("throwOnBar"))
            {
                throw new InvalidOperationException("boom on purpose");
            }

            if (bar.Close > bar.Open)
            {
                context.Emit(SignalKind.Entry, [Leg(Settings.Instruments[0], OrderSide.Buy, bar.Close)], bar.Low, bar.Close + (bar.Close - bar.Low), 0.5m, $"Bar closed up at {bar.Close}");
            }
        }
    }
}
