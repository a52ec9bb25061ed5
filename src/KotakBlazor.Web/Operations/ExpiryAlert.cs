namespace KotakBlazor.Web.Operations;

/// <summary>What the expiry banner shows: positions in contracts expiring today, then how they settled.</summary>
/// <param name="Day">The IST expiry day.</param>
/// <param name="Title">One line.</param>
/// <param name="Lines">One line per position.</param>
/// <param name="Settled">False before the close (flagged), true once settlement was done.</param>
public sealed record ExpiryAlert(DateOnly Day, string Title, IReadOnlyList<string> Lines, bool Settled);
