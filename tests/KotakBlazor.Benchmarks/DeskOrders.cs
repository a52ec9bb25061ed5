using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// The orders the order-path benchmarks send: market orders in the 40 stocks, in pairs (order
/// 2m buys, 2m+1 sells the same quantity of the same stock), so positions keep returning to
/// flat and a strategy's positions are closed as in live trading. Quantities are 1-100 shares
/// (the default limit is 100 lots per order); instrument, side, quantity and strategy repeat
/// only every 80,000 orders, so the 3-second duplicate rule never refuses one.
/// </summary>
internal static class DeskOrders
{
    /// <summary>Ten strategies; an order pair (2m, 2m+1) always belongs to one of them.</summary>
    public static readonly Guid[] StrategyIds = [.. Enumerable.Range(1, 10).Select(i => new Guid($"5e1ec7ed-0000-4000-8000-0000000000{i:00}"))];

    public static Guid StrategyId => StrategyIds[0];

    /// <summary>
    /// The defaults with the limits that count orders or money turned off (0) or raised, so
    /// tens of thousands of paper orders in a row are not refused: orders per second off (the
    /// pacer is what is measured), orders per day off, open positions 1,000, total exposure and
    /// daily loss (the spread is paid on every round trip) 1,000 crore. Band, lots, per-instrument
    /// exposure and duplicates stay as they are.
    /// </summary>
    public static readonly RiskLimits Limits = RiskLimits.Default with
    {
        MaxOrdersPerSecond = 0,
        MaxOrdersPerDay = 0,
        MaxOpenPositions = 1_000,
        MaxTotalExposure = 10_000_000_000m,
        MaxDailyLoss = 10_000_000_000m,
    };

    public static ExecutionOptions PacingOff => new() { OrdersPerSecond = 0 };

    /// <param name="stocks">The 40 stocks.</param>
    /// <param name="k">The order's number.</param>
    /// <param name="idempotencyKey">A key as the order ticket and hub send (the desk then looks it up first); null as strategies send.</param>
    public static OrderRequest Request(Instrument[] stocks, long k, string? idempotencyKey = null)
    {
        var stock = stocks[(int)(k / 2 % stocks.Length)];
        var quantity = 1 + (int)(k / 80 % 100);
        var side = k % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
        var strategy = StrategyIds[(int)(k / 8_000 % StrategyIds.Length)];
        return new OrderRequest(stock.Id, side, quantity, OrderType.Market, ProductType.Mis, null, null, OrderSource.Strategy, "strategy:bench",
            StrategyId: strategy, IdempotencyKey: idempotencyKey);
    }

    /// <summary>Waits (not timed) until no order of the desk is still waiting for its fill, so the next measurement starts from a quiet desk.</summary>
    public static async Task SettleAsync(OrderManager orders)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (orders.Orders.Any(o => o.Status is OrderStatus.PendingSubmit or OrderStatus.Open) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
