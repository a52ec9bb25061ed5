using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Web.Hubs;

/// <summary>
/// Which hub connections want which instruments. The broadcaster asks it per tick, so the
/// question "does anyone want this instrument?" is a dictionary look-up without allocation.
/// </summary>
public sealed class HubSubscriptions
{
    /// <summary>Most instruments one connection may follow (Kotak's own feed allows 3,000 per socket).</summary>
    public const int MaxPerConnection = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<InstrumentId>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<InstrumentId, int> _counts = [];

    public static string GroupName(InstrumentId id) => "tick:" + id;

    public bool HasSubscribers(InstrumentId id)
    {
        lock (_gate)
        {
            return _counts.ContainsKey(id);
        }
    }

    /// <summary>Adds instruments; returns those that were new for this connection, or null when the limit would be passed.</summary>
    public IReadOnlyList<InstrumentId>? Add(string connectionId, IReadOnlyCollection<InstrumentId> instruments)
    {
        lock (_gate)
        {
            if (!_byConnection.TryGetValue(connectionId, out var set))
            {
                set = [];
                _byConnection[connectionId] = set;
            }

            if (set.Union(instruments).Count() > MaxPerConnection)
            {
                return null;
            }

            var added = new List<InstrumentId>();
            foreach (var id in instruments)
            {
                if (set.Add(id))
                {
                    _counts[id] = _counts.GetValueOrDefault(id) + 1;
                    added.Add(id);
                }
            }

            return added;
        }
    }

    /// <summary>Removes instruments; returns those the connection really had.</summary>
    public IReadOnlyList<InstrumentId> Remove(string connectionId, IEnumerable<InstrumentId> instruments)
    {
        lock (_gate)
        {
            var removed = new List<InstrumentId>();
            if (!_byConnection.TryGetValue(connectionId, out var set))
            {
                return removed;
            }

            foreach (var id in instruments)
            {
                if (set.Remove(id))
                {
                    Release(id);
                    removed.Add(id);
                }
            }

            return removed;
        }
    }

    public IReadOnlyList<InstrumentId> Of(string connectionId)
    {
        lock (_gate)
        {
            return _byConnection.TryGetValue(connectionId, out var set) ? [.. set] : [];
        }
    }

    public void RemoveConnection(string connectionId)
    {
        lock (_gate)
        {
            if (_byConnection.Remove(connectionId, out var set))
            {
                foreach (var id in set)
                {
                    Release(id);
                }
            }
        }
    }

    private void Release(InstrumentId id)
    {
        var left = _counts[id] - 1;
        if (left == 0)
        {
            _counts.Remove(id);
        }
        else
        {
            _counts[id] = left;
        }
    }
}
