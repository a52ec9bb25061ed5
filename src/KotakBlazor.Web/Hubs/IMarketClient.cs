namespace KotakBlazor.Web.Hubs;

/// <summary>What the market hub sends to its clients. Later issues add signals, orders, positions and the kill switch.</summary>
public interface IMarketClient
{
    /// <summary>A tick of a subscribed instrument (hub method name <c>Tick</c>).</summary>
    Task Tick(TickMessage tick);

    /// <summary>A strategy raised a signal (hub method name <c>Signal</c>); every connected client receives signals.</summary>
    Task Signal(KotakBlazor.Core.Signals.Signal signal);
}
