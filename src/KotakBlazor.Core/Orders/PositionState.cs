namespace KotakBlazor.Core.Orders;

/// <summary>For an entry order: whether the position it opened is still held.</summary>
public enum PositionState
{
    /// <summary>Not an entry, or nothing filled yet.</summary>
    None,
    /// <summary>The entry filled and the position is open.</summary>
    Ongoing,
    /// <summary>The exit that closes the position filled.</summary>
    Closed,
}
