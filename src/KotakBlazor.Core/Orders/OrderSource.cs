namespace KotakBlazor.Core.Orders;

/// <summary>Which path an order came from. Every path goes through the same risk checks and kill switch.</summary>
public enum OrderSource
{
    /// <summary>A strategy's signal, executed automatically or confirmed by a person.</summary>
    Strategy,
    /// <summary>The order ticket on a page.</summary>
    Ticket,
    /// <summary>A multi-leg group placed in batches.</summary>
    Batch,
    /// <summary>An outside client through the hub.</summary>
    Hub,
    /// <summary>The system itself: unwinding a failed group, squaring off on a kill-switch trip, exits.</summary>
    System,
    /// <summary>Found at the broker but not placed by us (a manual trade), recorded by reconciliation.</summary>
    Manual,
}
