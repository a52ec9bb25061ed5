namespace KotakBlazor.Infrastructure.Persistence.Entities;

/// <summary>One instrument on a user's watchlist.</summary>
public sealed class WatchlistEntry
{
    public int Id { get; set; }

    public int UserId { get; set; }

    /// <summary>The instrument as <c>segment|token</c> (e.g. <c>nse_cm|26000</c>).</summary>
    public required string InstrumentKey { get; set; }

    /// <summary>Kept beside the key so a watchlist is readable even when the instrument has expired.</summary>
    public required string TradingSymbol { get; set; }

    public int Position { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public UserAccount? User { get; set; }
}
