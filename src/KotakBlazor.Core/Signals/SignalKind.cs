namespace KotakBlazor.Core.Signals;

/// <summary>Whether a signal opens a position or closes one.</summary>
public enum SignalKind
{
    /// <summary>Opens (or adds to) a position.</summary>
    Entry,
    /// <summary>Closes a position the strategy opened.</summary>
    Exit,
}
