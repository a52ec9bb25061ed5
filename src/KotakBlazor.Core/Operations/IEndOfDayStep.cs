namespace KotakBlazor.Core.Operations;

/// <summary>
/// One step of the end-of-day cleanup. Steps are independent: each reads what it needs from the
/// stores, so one failing never stops the next, and running a step twice on the same day changes
/// nothing the first run did not (idempotent).
/// </summary>
public interface IEndOfDayStep
{
    /// <summary>Its place in the run, 1 to 6; steps run in this order.</summary>
    int Number { get; }

    /// <summary>What it does, in a few words, for the progress list and the history.</summary>
    string Name { get; }

    /// <summary>Does the step for <paramref name="context"/>'s day. Throwing is reported as a failed step; the run goes on.</summary>
    Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken);
}
