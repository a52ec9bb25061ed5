namespace KotakBlazor.Core.Execution.Batches;

/// <summary>The answer to a placement command: the placement as it stands, or why nothing was done.</summary>
/// <param name="Succeeded">True when the command was carried out (or had been already).</param>
/// <param name="Placement">The placement, when there is one.</param>
/// <param name="Problems">Why it was refused.</param>
/// <param name="AlreadyDone">True when the same placement id had been executed before: nothing new was placed.</param>
public sealed record PlacementResult(bool Succeeded, Placement? Placement, IReadOnlyList<string> Problems, bool AlreadyDone = false)
{
    /// <summary>A refusal.</summary>
    public static PlacementResult Refused(params string[] problems) => new(false, null, problems);

    /// <summary>A refusal about an existing placement.</summary>
    public static PlacementResult Refused(Placement? placement, params string[] problems) => new(false, placement, problems);

    /// <summary>Done.</summary>
    public static PlacementResult Done(Placement placement) => new(true, placement, []);

    /// <summary>One line for the trader.</summary>
    public string Message => Succeeded ? (AlreadyDone ? "Already executed: nothing new was placed." : "Done.") : string.Join(" ", Problems);
}
