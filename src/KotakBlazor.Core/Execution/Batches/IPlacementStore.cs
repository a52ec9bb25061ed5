namespace KotakBlazor.Core.Execution.Batches;

/// <summary>Where placements, their legs and their order links are kept (SQLite), so the server's state survives a refresh, a second browser and a restart.</summary>
public interface IPlacementStore
{
    /// <summary>Stores a new placement; false when one with its id exists already (it was executed before, perhaps from another tab).</summary>
    Task<bool> TryCreateAsync(Placement placement, CancellationToken cancellationToken);

    /// <summary>Stores a placement's new state: status, reasons and every order link, in one transaction.</summary>
    Task SaveAsync(Placement placement, CancellationToken cancellationToken);

    /// <summary>One placement by id.</summary>
    Task<Placement?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Placements created at or after <paramref name="since"/>, and older ones still busy or holding an open position; newest first.</summary>
    Task<IReadOnlyList<Placement>> LoadAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
