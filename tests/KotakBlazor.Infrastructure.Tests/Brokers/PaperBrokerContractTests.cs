using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.Paper;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>The paper broker against the shared gateway contract, with the market moved by calling its tick path directly.</summary>
public sealed class PaperBrokerContractTests : GatewayContractTests
{
    private readonly PaperMarket _market = new();
    private PaperBroker? _broker;

    protected override Instrument TradableInstrument => PaperMarket.NiftyCall;

    protected override decimal StartingPrice => 120m;

    protected override Task<IBrokerGateway> CreateGatewayAsync()
    {
        _broker = _market.CreateBroker();
        return Task.FromResult<IBrokerGateway>(_broker);
    }

    protected override Task MoveMarketAsync(InstrumentId instrument, decimal lastPrice)
    {
        Assert.True(_market.Catalog.TryGet(instrument, out var known));
        _broker!.OnTick(_market.Tick(known, lastPrice));
        return Task.CompletedTask;
    }
}
