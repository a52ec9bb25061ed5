namespace KotakBlazor.Core.Execution.Batches;

/// <summary>What happened to a placement.</summary>
public enum PlacementEventKind
{
    /// <summary>Stored, about to run.</summary>
    Created,

    /// <summary>A batch is being sent.</summary>
    BatchStarted,

    /// <summary>An order was sent (or found already placed) and linked.</summary>
    OrderPlaced,

    /// <summary>Orders of a batch filled, or ended otherwise.</summary>
    OrdersSettled,

    /// <summary>Every order of a batch filled.</summary>
    BatchCompleted,

    /// <summary>The filled calls and puts went out of balance, or back into it.</summary>
    HedgeCheck,

    /// <summary>Stopped part-way; waits for the trader.</summary>
    Stopped,

    /// <summary>The trader resumed it.</summary>
    Resumed,

    /// <summary>Every order filled.</summary>
    Completed,

    /// <summary>The trader chose to keep what was placed.</summary>
    Kept,

    /// <summary>The trader chose to reverse what was placed.</summary>
    Unwinding,

    /// <summary>What was placed is reversed.</summary>
    Unwound,

    /// <summary>An entry's position was closed by an exit.</summary>
    Closed,
}
