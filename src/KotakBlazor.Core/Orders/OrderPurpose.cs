namespace KotakBlazor.Core.Orders;

/// <summary>Why an order exists, so a position, its exits and the journal can be tied together.</summary>
public enum OrderPurpose
{
    /// <summary>Opens or adds to a position.</summary>
    Entry,
    /// <summary>Closes a position (a strategy's exit, a trader's square-off).</summary>
    Exit,
    /// <summary>A protective stop placed after an entry filled.</summary>
    StopLoss,
    /// <summary>A profit target placed after an entry filled.</summary>
    Target,
    /// <summary>Reverses a filled leg of a multi-leg group that failed.</summary>
    Unwind,
}
