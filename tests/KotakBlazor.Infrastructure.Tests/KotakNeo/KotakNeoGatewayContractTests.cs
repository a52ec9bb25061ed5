using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Tests.Brokers;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>
/// The Kotak Neo gateway against the shared gateway contract, over real HTTP to the fake server. The
/// market moves inside the fake; the gateway then reads the order book, as it would after the order
/// feed dropped (the feed's own pushes are tested with the feed client).
/// </summary>
public sealed class KotakNeoGatewayContractTests : GatewayContractTests
{
    private KotakTestRig? _rig;

    protected override Instrument TradableInstrument => KotakTestRig.NiftyCall;

    protected override decimal StartingPrice => 120m;

    protected override async Task<IBrokerGateway> CreateGatewayAsync()
    {
        _rig = await KotakTestRig.StartAsync();
        return _rig.Gateway;
    }

    protected override async Task MoveMarketAsync(InstrumentId instrument, decimal lastPrice)
    {
        _rig!.Server.Exchange.SetLastPrice(instrument, lastPrice);
        var refreshed = await _rig.Gateway.RefreshOrdersAsync(CancellationToken.None);
        Assert.True(refreshed.IsSuccess, refreshed.ToString());
    }

    protected override async Task DisposeGatewayAsync(IBrokerGateway gateway) => await _rig!.DisposeAsync();
}
