using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Reconciliation;

/// <summary>
/// Quantity found at the broker that the system did not trade: an order placed in the Kotak
/// app, a position or a pre-existing holding. Kept apart from system-tracked quantities, so a
/// strategy never sells what it did not buy, until a trader adopts it.
/// </summary>
/// <param name="Id">Identity.</param>
/// <param name="Kind">Where it was found.</param>
/// <param name="Instrument">Segment and token.</param>
/// <param name="TradingSymbol">Trading symbol.</param>
/// <param name="Product">Product.</param>
/// <param name="Quantity">Signed units the system did not trade (positive long, negative short).</param>
/// <param name="AveragePrice">The broker's average price for it, when known.</param>
/// <param name="BrokerOrderId">The broker order, when it was found as an order.</param>
/// <param name="DetectedAt">When reconciliation found it (manual_detected_at).</param>
/// <param name="Status">New, adopted or ignored.</param>
/// <param name="ResolvedBy">Who adopted or ignored it.</param>
/// <param name="ResolvedAt">When.</param>
public sealed record ManualTrade(
    Guid Id,
    ManualTradeKind Kind,
    InstrumentId Instrument,
    string TradingSymbol,
    ProductType Product,
    int Quantity,
    decimal? AveragePrice,
    string? BrokerOrderId,
    DateTimeOffset DetectedAt,
    ManualTradeStatus Status = ManualTradeStatus.New,
    string? ResolvedBy = null,
    DateTimeOffset? ResolvedAt = null);

/// <summary>Where a manual trade was found.</summary>
public enum ManualTradeKind
{
    /// <summary>An order in the broker's order book without our tag.</summary>
    Order,
    /// <summary>Position quantity our fills do not explain.</summary>
    Position,
    /// <summary>A delivery holding the system did not buy.</summary>
    Holding,
}

/// <summary>What the trader decided about a manual trade.</summary>
public enum ManualTradeStatus
{
    /// <summary>Not looked at yet: shown as an alert.</summary>
    New,
    /// <summary>Taken into tracking: counts as a system position from now on.</summary>
    Adopted,
    /// <summary>Left alone: never touched by the system.</summary>
    Ignored,
}

/// <summary>Where manual trades are kept.</summary>
public interface IManualTradeStore
{
    /// <summary>Records a newly found manual trade; one already recorded for the same broker order, or the same instrument, product and kind while still new, is updated instead.</summary>
    Task<ManualTrade> RecordAsync(ManualTrade trade, CancellationToken cancellationToken);

    /// <summary>Marks one adopted or ignored.</summary>
    Task<ManualTrade?> ResolveAsync(Guid id, ManualTradeStatus status, string resolvedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>All of them, newest first.</summary>
    Task<IReadOnlyList<ManualTrade>> LoadAsync(CancellationToken cancellationToken);
}
