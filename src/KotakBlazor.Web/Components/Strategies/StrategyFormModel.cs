using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Web.Components.Strategies;

/// <summary>What the add/edit form holds while a person fills it in; parameters stay text until the server checks them.</summary>
internal sealed class StrategyFormModel
{
    public static readonly int[] Timeframes = [1, 3, 5, 15];

    private StrategyFormModel(StrategyDefinition definition, Guid id)
    {
        Definition = definition;
        Id = id;
    }

    /// <summary>Empty for a new strategy; the strategy's id when editing one.</summary>
    public Guid Id { get; }

    public bool IsNew => Id == Guid.Empty;

    public StrategyDefinition Definition { get; private set; }

    public string Name { get; set; } = string.Empty;

    public List<Instrument> Instruments { get; } = [];

    public int TimeframeMinutes { get; set; }

    public int Lots { get; set; } = 1;

    public ProductType Product { get; set; } = ProductType.Mis;

    public bool Enabled { get; set; }

    public bool AutoExecute { get; set; }

    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public static StrategyFormModel New(StrategyDefinition definition)
    {
        var model = new StrategyFormModel(definition, Guid.Empty);
        model.ChangeKind(definition);
        return model;
    }

    public static StrategyFormModel Edit(StrategyDefinition definition, StrategyConfig config, Func<InstrumentId, Instrument?> resolve)
    {
        var model = new StrategyFormModel(definition, config.Id)
        {
            Name = config.Name,
            TimeframeMinutes = config.Timeframe.Minutes,
            Lots = config.Lots,
            Product = config.Product,
            Enabled = config.Enabled,
            AutoExecute = config.AutoExecute,
        };
        model.Instruments.AddRange(config.Instruments.Select(resolve).OfType<Instrument>());
        foreach (var parameter in definition.Parameters)
        {
            model.Parameters[parameter.Name] = config.Parameters.TryGetValue(parameter.Name, out var value) ? value : parameter.DefaultValue;
        }

        return model;
    }

    /// <summary>Another kind: its defaults replace the parameters, and instruments it cannot take are dropped.</summary>
    public void ChangeKind(StrategyDefinition definition, Func<Instrument, bool>? accepts = null)
    {
        Definition = definition;
        TimeframeMinutes = definition.DefaultTimeframe.Minutes;
        Parameters.Clear();
        foreach (var parameter in definition.Parameters)
        {
            Parameters[parameter.Name] = parameter.DefaultValue;
        }

        if (accepts is not null)
        {
            Instruments.RemoveAll(i => !accepts(i));
        }
    }

    /// <summary>The problems visible without asking the server; empty when the form may be sent.</summary>
    public Dictionary<string, string> Check()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 64)
        {
            problems["name"] = "Give the strategy a name of 1 to 64 characters.";
        }

        if (Instruments.Count == 0)
        {
            problems["instruments"] = "Choose at least one instrument.";
        }

        if (Lots is < 1 or > StrategySettings.MaxLots)
        {
            problems["lots"] = $"Lots must be between 1 and {StrategySettings.MaxLots}.";
        }

        foreach (var parameter in Definition.Parameters)
        {
            if (parameter.Validate(Parameters.GetValueOrDefault(parameter.Name)) is { } problem)
            {
                problems["param-" + parameter.Name] = problem;
            }
        }

        return problems;
    }

    public StrategyConfig ToConfig() => new(
        Id,
        Definition.Key,
        Name.Trim(),
        [.. Instruments.Select(i => i.Id)],
        new Timeframe(TimeframeMinutes),
        Lots,
        Product,
        Parameters.ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal),
        Enabled,
        AutoExecute);
}
