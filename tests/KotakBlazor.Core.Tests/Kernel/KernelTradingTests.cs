using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Signals;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Time;
using KotakBlazor.Core.Tests.Execution;

namespace KotakBlazor.Core.Tests.Kernel;

public sealed class KernelTradingTests
{
    private static readonly Instrument Option = DeskFixture.Nifty;
    private static readonly DateTimeOffset Open = IndianMarketTime.AtIst(new DateOnly(2026, 12, 4), new TimeOnly(10, 0));

    [Fact]
    public void A_tripped_switch_refuses_every_order_except_the_systems_own_flattening()
    {
        var (kernel, _) = Create();
        kernel.OnTick(Tick(100m, Open));
        kernel.TripKillSwitch("admin says stop", "admin", Open);

        var ticket = kernel.Decide(Request(OrderSide.Buy, OrderSource.Ticket, OrderPurpose.Entry), Open);
        var traderExit = kernel.Decide(Request(OrderSide.Sell, OrderSource.Ticket, OrderPurpose.Exit), Open);
        var systemExit = kernel.Decide(Request(OrderSide.Sell, OrderSource.System, OrderPurpose.Exit), Open);

        Assert.False(ticket.IsAllowed);
        Assert.Contains(ticket.Refusals, r => r.Contains("ill switch", StringComparison.Ordinal));
        Assert.False(traderExit.IsAllowed);
        Assert.True(systemExit.IsAllowed);
        Assert.Equal([65], systemExit.Slices);
    }

    [Fact]
    public void An_allowed_order_is_sliced_within_the_freeze_quantity()
    {
        var (kernel, _) = Create();
        kernel.OnTick(Tick(100m, Open));

        var decision = kernel.Decide(Request(OrderSide.Buy, OrderSource.Ticket, OrderPurpose.Entry) with { Quantity = 65 * 60 }, Open);

        Assert.True(decision.IsAllowed, string.Join("; ", decision.Refusals));
        Assert.Equal([1755, 1755, 390], decision.Slices);
        Assert.Equal(100m, decision.LastPrice);
    }

    [Fact]
    public void A_falling_price_trips_the_kill_switch_at_the_daily_loss_limit_and_publishes_it()
    {
        var (kernel, events) = Create(new RiskLimits { MaxDailyLoss = 1_000m });
        kernel.OnTick(Tick(100m, Open));
        kernel.ApplyFill(new Fill("T1", Guid.NewGuid(), "1", Option.Id, Option.TradingSymbol, OrderSide.Buy, ProductType.Nrml, 65, 100m, Open));
        Assert.Equal(0m, Assert.IsType<PortfolioSnapshot>(events.Portfolios[^1]).DayPnl);

        // 65 x (85 - 100) = -975: still inside the limit.
        kernel.OnTick(Tick(85m, Open.AddSeconds(1)));
        Assert.Empty(events.KillSwitch);
        // 65 x (84.60 - 100) = -1001: over it.
        kernel.OnTick(Tick(84.60m, Open.AddSeconds(2)));

        var trip = Assert.Single(events.KillSwitch);
        Assert.True(trip.Tripped && trip.Automatic);
        Assert.Equal("risk", trip.Actor);
        Assert.True(kernel.KillSwitch.IsTripped);
        Assert.False(kernel.Decide(Request(OrderSide.Buy, OrderSource.Strategy, OrderPurpose.Entry), Open.AddSeconds(3)).IsAllowed);
    }

    private static (KernelCore Kernel, Events Events) Create(RiskLimits? limits = null)
    {
        var events = new Events();
        return (new KernelCore(new InstrumentCatalog([Option]), events, new AlwaysOpenMarketHours(), limits), events);
    }

    private static OrderRequest Request(OrderSide side, OrderSource source, OrderPurpose purpose) =>
        new(Option.Id, side, 65, OrderType.Market, ProductType.Nrml, null, null, source, "someone", purpose);

    private static Tick Tick(decimal price, DateTimeOffset time) => new(Option.Id, price, 1, 0, 0, price - 0.05m, price + 0.05m, 0m, time);

    private sealed class Events : IKernelEvents
    {
        public List<PortfolioSnapshot> Portfolios { get; } = [];

        public List<KillSwitchChange> KillSwitch { get; } = [];

        public void SignalRaised(Signal signal)
        {
        }

        public void StrategyChanged(StrategyStatus status, bool removed, Exception? fault)
        {
        }

        public void PortfolioChanged(PortfolioSnapshot portfolio) => Portfolios.Add(portfolio);

        public void KillSwitchChanged(KillSwitchChange change) => KillSwitch.Add(change);
    }
}
