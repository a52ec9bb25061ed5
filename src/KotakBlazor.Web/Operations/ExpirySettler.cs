using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Brokers.Paper;

namespace KotakBlazor.Web.Operations;

/// <summary>
/// Paper mode's expiry: a cash settlement is a fill at the settlement price through the paper
/// broker (so its order book, trades and positions show it), taken into the desk as an adopted
/// trade (so positions, P&amp;L and the journal count it) and recorded as resolved, so
/// reconciliation never reports it as manual. Physical delivery is only flagged.
/// </summary>
/// <remarks>
/// The paper broker records no trade at a price of 0, so an option expiring worthless settles at
/// one tick (₹0.05 on NSE options): its P&amp;L is off by one tick per unit, which is stated in the
/// settlement's note.
/// </remarks>
public sealed class ExpirySettler(PaperBroker broker, OrderManager orders, IManualTradeStore manualTrades, TimeProvider clock)
{
    /// <summary>The actor written on settlement orders and resolutions.</summary>
    public const string Actor = "expiry-settlement";

    /// <summary>Settles one position; returns a line saying what was done.</summary>
    public async Task<string> SettleAsync(ExpirySettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        if (!settlement.SettlesInCash)
        {
            return settlement.Describe() + " (flagged; no fill in paper mode)";
        }

        var instrument = settlement.Position.Instrument;
        var product = settlement.Position.Position.Product;
        var price = settlement.Price > 0m ? settlement.Price : instrument.TickSize;
        var brokerOrderId = broker.InjectManualTrade(instrument.Id, settlement.Side, settlement.Quantity, price, product);
        var signed = settlement.Side == OrderSide.Buy ? settlement.Quantity : -settlement.Quantity;
        var now = clock.GetUtcNow();
        var recorded = await manualTrades.RecordAsync(new ManualTrade(Guid.NewGuid(), ManualTradeKind.Order, instrument.Id, instrument.TradingSymbol,
            product, signed, price, brokerOrderId, now), cancellationToken);
        // Adopted without the broker number: the broker's own trade row for it must not be applied to the desk a second time.
        await orders.AdoptAsync(recorded with { BrokerOrderId = null }, instrument.TradingSymbol, Actor, cancellationToken);
        await manualTrades.ResolveAsync(recorded.Id, ManualTradeStatus.Adopted, Actor, now, cancellationToken);
        return settlement.Describe() + (settlement.Price > 0m ? string.Empty : $" (booked at one tick, {instrument.TickSize}, the paper broker's lowest price)")
            + $"; paper order {brokerOrderId}";
    }
}
