using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies;

/// <summary>
/// A configuration checked against its definition and the instrument catalogue, with typed
/// access to the parameters. Strategies are built only from settings that passed every check.
/// </summary>
public sealed class StrategySettings
{
    /// <summary>The most lots one strategy order may ask for; the risk engine applies the account's own limits.</summary>
    public const int MaxLots = 1000;

    private readonly IReadOnlyDictionary<string, string> _values;

    private StrategySettings(StrategyDefinition definition, StrategyConfig config, IReadOnlyList<Instrument> instruments, IReadOnlyDictionary<string, string> values)
    {
        Definition = definition;
        Config = config;
        Instruments = instruments;
        _values = values;
    }

    /// <summary>The strategy's kind.</summary>
    public StrategyDefinition Definition { get; }

    /// <summary>The configuration as stored.</summary>
    public StrategyConfig Config { get; }

    /// <summary>The configured instruments, resolved.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The strategy instance's id.</summary>
    public Guid Id => Config.Id;

    /// <summary>The user's name for it.</summary>
    public string Name => Config.Name;

    /// <summary>Bar length.</summary>
    public Timeframe Timeframe => Config.Timeframe;

    /// <summary>Lots per order.</summary>
    public int Lots => Config.Lots;

    /// <summary>Product for its orders.</summary>
    public ProductType Product => Config.Product;

    /// <summary>Every parameter with defaults filled in.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Checks a configuration; on success <paramref name="settings"/> is set, otherwise every problem is listed for people.</summary>
    public static bool TryCreate(
        StrategyDefinition definition,
        StrategyConfig config,
        IInstrumentCatalog catalog,
        out StrategySettings? settings,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.Length > 64)
        {
            problems.Add("Give the strategy a name of 1 to 64 characters.");
        }

        if (config.Key != definition.Key)
        {
            problems.Add($"The configuration is for '{config.Key}', not '{definition.Key}'.");
        }

        if (config.Lots is < 1 or > MaxLots)
        {
            problems.Add($"Lots must be between 1 and {MaxLots}.");
        }

        if (config.Timeframe.Minutes is not (1 or 3 or 5 or 15))
        {
            problems.Add("The timeframe must be 1, 3, 5 or 15 minutes.");
        }

        var instruments = new List<Instrument>();
        if (config.Instruments.Count == 0)
        {
            problems.Add("Choose at least one instrument.");
        }

        foreach (var id in config.Instruments)
        {
            if (!catalog.TryGet(id, out var instrument))
            {
                problems.Add($"Unknown instrument {id}.");
                continue;
            }

            if (definition.Instruments == StrategyInstruments.OptionsOnUnderlying
                && !catalog.All.Any(i => i.Type == InstrumentType.Option && UnderlyingNames.Canonical(i.Underlying) == UnderlyingNames.Canonical(instrument.Underlying)))
            {
                problems.Add($"{instrument.TradingSymbol} has no listed options.");
                continue;
            }

            instruments.Add(instrument);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in definition.Parameters)
        {
            var text = config.Parameters.TryGetValue(parameter.Name, out var given) ? given : parameter.DefaultValue;
            var problem = parameter.Validate(text);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            values[parameter.Name] = (text ?? string.Empty).Trim();
        }

        foreach (var unknown in config.Parameters.Keys.Where(k => definition.Parameters.All(p => p.Name != k)))
        {
            problems.Add($"Unknown parameter '{unknown}'.");
        }

        errors = problems;
        settings = problems.Count == 0 ? new StrategySettings(definition, config, instruments, values) : null;
        return settings is not null;
    }

    /// <summary>An integer parameter.</summary>
    public int Integer(string name) => int.Parse(_values[name], NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A decimal parameter.</summary>
    public decimal Decimal(string name) => decimal.Parse(_values[name], NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A boolean parameter.</summary>
    public bool Boolean(string name) => bool.Parse(_values[name]);

    /// <summary>A time-of-day parameter (IST).</summary>
    public TimeOnly TimeOfDay(string name) => TimeOnly.ParseExact(_values[name], "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A choice parameter.</summary>
    public string Choice(string name) => _values[name];
}
