namespace KotakBlazor.Core.MarketData.Bus;

/// <summary>What the bus calls on the publishing thread: must be quick and must never wait for a reader.</summary>
internal interface ITickBusSubscriber
{
    void Deliver(in Tick tick);
}
