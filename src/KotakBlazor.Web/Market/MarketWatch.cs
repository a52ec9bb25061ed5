using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;

namespace KotakBlazor.Web.Market;

/// <summary>
/// A component's window on the tick bus: the latest tick of each instrument it watches,
/// coalesced, so a slow browser never slows the engine. Dispose to stop watching.
/// </summary>
public sealed class MarketWatch(LatestTickSubscription subscription) : IDisposable
{
    public void SetInstruments(IEnumerable<InstrumentId> instruments) => subscription.SetFilter(instruments.ToArray());

    public ValueTask<bool> WaitForChangesAsync(CancellationToken cancellationToken) => subscription.WaitForChangesAsync(cancellationToken);

    public int TakeChanged(ICollection<Tick> destination) => subscription.TakeChanged(destination);

    public void Dispose() => subscription.Dispose();
}
