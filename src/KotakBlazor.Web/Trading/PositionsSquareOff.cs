using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Flattens open positions with market orders from the system (the kill switch's optional
/// square-off, a trader's "close position"). System square-offs pass a tripped kill switch:
/// they only ever reduce exposure.
/// </summary>
public sealed class PositionsSquareOff(TradingKernel kernel, OrderManager orders)
{
    /// <summary>Squares off every open position; returns how many positions were sent orders.</summary>
    public async Task<int> SquareOffAllAsync(string actor, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var position in kernel.Core.Portfolio.Positions.Where(p => p.NetQuantity != 0))
        {
            var outcome = await SquareOffAsync(position.Instrument, position.Product, position.NetQuantity, actor, OrderSource.System, cancellationToken);
            count += outcome.Accepted ? 1 : 0;
        }

        return count;
    }

    /// <summary>Sends the market order that brings a net quantity to zero.</summary>
    public Task<OrderOutcome> SquareOffAsync(Core.Instruments.InstrumentId instrument, ProductType product, int netQuantity, string actor, OrderSource source, CancellationToken cancellationToken)
    {
        var request = new OrderRequest(instrument, netQuantity > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(netQuantity), OrderType.Market, product,
            null, null, source, actor, OrderPurpose.Exit);
        return orders.SubmitAsync(request, cancellationToken);
    }
}
