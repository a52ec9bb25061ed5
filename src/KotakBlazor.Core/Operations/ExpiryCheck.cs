using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Finds positions in contracts that expire on a day and works out how each settles: index
/// options and futures in cash at the closing spot (an option at its intrinsic value, nothing when
/// out of the money), stock futures and in-the-money stock options by physical delivery.
/// </summary>
public static class ExpiryCheck
{
    /// <summary>The open positions whose contract expires on <paramref name="day"/>.</summary>
    public static IReadOnlyList<ExpiringPosition> Find(IEnumerable<Position> positions, IInstrumentCatalog catalog, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. positions
            .Where(p => p.IsOpen && p.StrategyId is null)
            .Select(p => catalog.TryGet(p.Instrument, out var instrument) ? (Position: p, Instrument: instrument) : default)
            .Where(x => x.Instrument is { Expiry: { } expiry, Type: InstrumentType.Option or InstrumentType.Future } && x.Instrument.Expiry == day)
            .Select(x => new ExpiringPosition(x.Position, x.Instrument, SpotOf(catalog, x.Instrument)))];
    }

    /// <summary>The quoted instrument of a derivative's underlying (the index or the stock), when the catalog has exactly one.</summary>
    public static Instrument? SpotOf(IInstrumentCatalog catalog, Instrument derivative)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(derivative);
        // The catalog's search knows that NIFTY 50 and NIFTY are one underlying; its best match is the index or the stock.
        var best = catalog.Search(derivative.Underlying, 1);
        return best.Count == 1 && best[0].Type is InstrumentType.Index or InstrumentType.Equity ? best[0] : null;
    }

    /// <summary>How <paramref name="position"/> settles at <paramref name="closingSpot"/>.</summary>
    public static ExpirySettlement Plan(ExpiringPosition position, decimal closingSpot)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(closingSpot);
        var net = position.Position.NetQuantity;
        var side = net > 0 ? OrderSide.Sell : OrderSide.Buy;
        var quantity = Math.Abs(net);
        var instrument = position.Instrument;
        if (instrument.Type == InstrumentType.Future)
        {
            return new ExpirySettlement(position, position.IsStockDerivative ? ExpirySettlementKind.PhysicalDelivery : ExpirySettlementKind.CashAtSpot,
                side, quantity, closingSpot, closingSpot);
        }

        var strike = instrument.Strike ?? throw new ArgumentException($"{instrument.TradingSymbol} has no strike.", nameof(position));
        var intrinsic = instrument.OptionType == OptionType.Put ? Math.Max(0m, strike - closingSpot) : Math.Max(0m, closingSpot - strike);
        var kind = intrinsic == 0m ? ExpirySettlementKind.ExpiresWorthless
            : position.IsStockDerivative ? ExpirySettlementKind.PhysicalDelivery
            : ExpirySettlementKind.CashAtSpot;
        return new ExpirySettlement(position, kind, side, quantity, intrinsic, closingSpot);
    }
}
