using KotakBlazor.Core.Execution.Batches;

namespace KotakBlazor.Core.Tests.Execution.Batches;

/// <summary>Placements in memory for the desk's unit tests; the SQLite store has its own tests in Infrastructure.</summary>
internal sealed class MemoryPlacementStore : IPlacementStore
{
    private readonly object _sync = new();
    private readonly Dictionary<Guid, Placement> _placements = [];

    public int Saves { get; private set; }

    public Task<bool> TryCreateAsync(Placement placement, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_placements.TryAdd(placement.Id, placement));
        }
    }

    public Task SaveAsync(Placement placement, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            _placements[placement.Id] = placement;
            Saves++;
        }

        return Task.CompletedTask;
    }

    public Task<Placement?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_placements.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Placement>> LoadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<Placement>>([.. _placements.Values.OrderByDescending(p => p.CreatedAt)]);
        }
    }
}
