using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Support;

/// <summary>
/// Trades on the running app's paper broker as a person would through the order ticket
/// (<see cref="TradingCommands"/>), waiting on the desk's own events, never on a timer.
/// </summary>
public static class PaperTrading
{
    /// <summary>RELIANCE-EQ: lot size 1, ticks from the simulated market.</summary>
    public static readonly InstrumentId Reliance = new(ExchangeSegment.NseCm, 2885);

    public static readonly ActingUser Admin = new("admin", UserRoles.Admin);

    // Generous in the app's time: browser tests run the clock 30 times faster than the test's own timeout.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromHours(1);

    public static Task ReadyAsync(LoopbackApp app, CancellationToken cancellationToken) =>
        app.Services.GetRequiredService<TradingReadiness>().WhenReady.WaitAsync(cancellationToken);

    /// <summary>Waits until the kernel has a last price for the instrument (market orders are checked against it) and returns it.</summary>
    public static async Task<decimal> LastPriceAsync(LoopbackApp app, InstrumentId instrument, CancellationToken cancellationToken)
    {
        await ReadyAsync(app, cancellationToken);
        var commands = app.Services.GetRequiredService<TradingCommands>();
        using var ticks = app.Services.GetRequiredService<TickBus>().SubscribeQueue(4096);
        while (true)
        {
            var preview = await commands.PreviewAsync(new OrderTicket(instrument, OrderSide.Buy, 1, OrderType.Market, ProductType.Mis), cancellationToken);
            if (preview.LastPrice is { } ltp && !preview.Refusals.Any(r => r.Contains("No last price", StringComparison.Ordinal)))
            {
                return ltp;
            }

            await NextTickAsync(ticks, instrument, cancellationToken);
        }
    }

    /// <summary>Places a market order from the ticket and waits until the broker has filled it.</summary>
    public static async Task<Order> FillAsync(LoopbackApp app, ActingUser user, InstrumentId instrument, OrderSide side, int quantity, CancellationToken cancellationToken)
    {
        var commands = app.Services.GetRequiredService<TradingCommands>();
        var orders = app.Services.GetRequiredService<OrderManager>();
        var ticket = new OrderTicket(instrument, side, quantity, OrderType.Market, ProductType.Mis);
        var outcome = await commands.PlaceAsync(user, ticket, OrderSource.Ticket, Guid.NewGuid().ToString("N"), cancellationToken);
        Assert.True(outcome.Accepted, outcome.Message);
        var order = await orders.WaitForSettledAsync(Assert.Single(outcome.Orders).Id, SettleTimeout, cancellationToken);
        Assert.True(order.Status == OrderStatus.Filled, $"The {side} order ended {order.Status}: {order.Reason}");
        return order;
    }

    /// <summary>Buys and sells back <paramref name="quantity"/> units at market: one closed round trip.</summary>
    public static async Task<(Order Entry, Order Exit)> RoundTripAsync(LoopbackApp app, ActingUser user, InstrumentId instrument, int quantity, CancellationToken cancellationToken)
    {
        await LastPriceAsync(app, instrument, cancellationToken);
        var entry = await FillAsync(app, user, instrument, OrderSide.Buy, quantity, cancellationToken);
        var exit = await FillAsync(app, user, instrument, OrderSide.Sell, quantity, cancellationToken);
        return (entry, exit);
    }

    private static async Task NextTickAsync(TickQueueSubscription ticks, InstrumentId instrument, CancellationToken cancellationToken)
    {
        while (await ticks.WaitToReadAsync(cancellationToken))
        {
            while (ticks.TryRead(out var tick))
            {
                if (tick.Instrument == instrument)
                {
                    return;
                }
            }
        }
    }
}
