using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Tests.Options;

namespace KotakBlazor.Core.Tests.Options.Builder;

/// <summary>NIFTY chains for the builder: strikes every 50 points from 25,300 to 26,600, lot 75.</summary>
internal static class BuilderChains
{
    public static readonly DateTimeOffset AsOf = TestTicks.Ist(10, 0);

    /// <summary>A chain whose options trade at Black-Scholes prices at one volatility, so every contract has a volatility and a delta.</summary>
    public static OptionChainSnapshot Priced(decimal spot, double volatility = 0.13)
    {
        var options = Strikes().SelectMany(k => new[] { TestOptions.Option(k, OptionType.Call), TestOptions.Option(k, OptionType.Put) }).ToList();
        var years = OptionChainBuilder.YearsToExpiry(TestOptions.Expiry, AsOf);
        var ticks = options.ToDictionary(o => o.Id, o =>
        {
            var price = BlackScholes.PriceToTick(o.OptionType!.Value, spot, o.Strike!.Value, years, volatility, 0.065, 0.05m);
            return new Tick(o.Id, Math.Max(price, 0.05m), 75, 1000, 0, 0m, 0m, 0m, AsOf);
        });
        return OptionChainBuilder.Build(options, "NIFTY", TestOptions.Expiry, spot, AsOf, 0.065, id => ticks.TryGetValue(id, out var tick) ? tick : null);
    }

    /// <summary>A chain with no trades: no prices, volatilities or deltas.</summary>
    public static OptionChainSnapshot Unpriced(decimal spot)
    {
        var options = Strikes().SelectMany(k => new[] { TestOptions.Option(k, OptionType.Call), TestOptions.Option(k, OptionType.Put) }).ToList();
        return OptionChainBuilder.Build(options, "NIFTY", TestOptions.Expiry, spot, AsOf, 0.065, _ => null);
    }

    private static IEnumerable<decimal> Strikes()
    {
        for (var k = 25_300m; k <= 26_600m; k += 50m)
        {
            yield return k;
        }
    }
}
