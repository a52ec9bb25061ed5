namespace KotakBlazor.Web.Hubs;

/// <summary>What the market hub sends to its clients: ticks by subscription; signals, orders, positions and the kill switch to everyone.</summary>
public interface IMarketClient
{
    /// <summary>A tick of a subscribed instrument (hub method name <c>Tick</c>).</summary>
    Task Tick(TickMessage tick);

    /// <summary>A strategy raised a signal (hub method name <c>Signal</c>); every connected client receives signals.</summary>
    Task Signal(KotakBlazor.Core.Signals.Signal signal);

    /// <summary>An order changed (hub method name <c>Order</c>): its whole new state.</summary>
    Task Order(KotakBlazor.Core.Orders.Order order);

    /// <summary>Positions and P&amp;L (hub method name <c>Portfolio</c>), at most a few times a second.</summary>
    Task Portfolio(KotakBlazor.Core.Positions.PortfolioSnapshot portfolio);

    /// <summary>The kill switch was tripped or reset (hub method name <c>KillSwitch</c>).</summary>
    Task KillSwitch(KotakBlazor.Core.Risk.KillSwitchChange change);
}
