using System.Globalization;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Core.Tests.Strategies.BuiltIn;

public sealed class BuiltInStrategiesTests
{
    public static TheoryData<string> Keys => [.. BuiltInStrategies.All.Select(d => d.Key)];

    [Fact]
    public void The_catalogue_lists_the_eight_strategies_in_order()
    {
        Assert.Equal(
            ["ema-crossover", "rsi", "vwap-breakout", "mean-reversion", "straddle-strangle", "iron-condor", "bull-call-spread", "bear-put-spread"],
            BuiltInStrategies.All.Select(d => d.Key));
        _ = new StrategyCatalog(BuiltInStrategies.All);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_defaults_are_accepted_and_the_strategy_starts_without_error(string key)
    {
        var (definition, instrument, catalog) = Target(key);

        var settings = StrategyTestMarket.Settings(definition, instrument, catalog: catalog);
        var (_, kernel) = StrategyTestMarket.Run(settings, [], catalog);

        Assert.Null(kernel.Strategies.Single().Error);
        Assert.All(definition.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Help), $"{p.Name} has no help"));
        Assert.InRange(definition.Description.Split(". ").Length, 2, 4);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Out_of_range_values_are_refused_naming_the_parameter(string key)
    {
        var (definition, instrument, catalog) = Target(key);
        foreach (var parameter in definition.Parameters)
        {
            var bad = new List<string>();
            if (parameter.Max is { } max)
            {
                bad.Add((max + 1m).ToString(CultureInfo.InvariantCulture));
            }

            if (parameter.Min is { } min)
            {
                bad.Add((min - 1m).ToString(CultureInfo.InvariantCulture));
            }

            if (parameter.Kind is StrategyParameterKind.Choice or StrategyParameterKind.TimeOfDay or StrategyParameterKind.Boolean)
            {
                bad.Add("nonsense");
            }

            foreach (var value in bad)
            {
                var config = StrategyTestMarket.Config(definition, instrument, new Dictionary<string, string> { [parameter.Name] = value });

                Assert.False(StrategySettings.TryCreate(definition, config, catalog, out _, out var errors), $"{parameter.Name} = {value} was accepted");
                Assert.Contains(errors, e => e.StartsWith(parameter.Label, StringComparison.Ordinal));
            }
        }
    }

    private static (StrategyDefinition Definition, Core.Instruments.Instrument Instrument, Core.Instruments.IInstrumentCatalog Catalog) Target(string key)
    {
        var definition = BuiltInStrategies.All.Single(d => d.Key == key);
        return definition.Instruments == StrategyInstruments.Directional
            ? (definition, StrategyTestMarket.Reliance, StrategyTestMarket.Catalog)
            : (definition, OptionTestMarket.NiftyIndex, OptionTestMarket.Catalog);
    }
}
