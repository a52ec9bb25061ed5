namespace KotakBlazor.Core.Strategies;

/// <summary>The kinds of strategy a user can add, by key.</summary>
public sealed class StrategyCatalog
{
    private readonly Dictionary<string, StrategyDefinition> _byKey;

    /// <summary>A catalogue of the given definitions.</summary>
    /// <exception cref="ArgumentException">Two definitions share a key.</exception>
    public StrategyCatalog(IEnumerable<StrategyDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        All = [.. definitions];
        _byKey = new Dictionary<string, StrategyDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in All)
        {
            if (!_byKey.TryAdd(definition.Key, definition))
            {
                throw new ArgumentException($"Two strategies share the key '{definition.Key}'.", nameof(definitions));
            }
        }
    }

    /// <summary>Every definition, in catalogue order.</summary>
    public IReadOnlyList<StrategyDefinition> All { get; }

    /// <summary>Looks a definition up by key (case-insensitive).</summary>
    public bool TryGet(string key, out StrategyDefinition definition) => _byKey.TryGetValue(key, out definition!);
}
