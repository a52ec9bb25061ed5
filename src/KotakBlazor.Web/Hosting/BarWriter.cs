using System.Threading.Channels;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Infrastructure.MarketData;

namespace KotakBlazor.Web.Hosting;

/// <summary>Stores 1-minute bars as they close, for chart history and strategy warm-up.</summary>
internal sealed class BarWriter(EventStream<Bar> closedBars, BarStore store, ILogger<BarWriter> logger) : BatchWriter<Bar>(logger)
{
    protected override ChannelReader<Bar> Open() => closedBars.Subscribe(capacity: 100_000).Reader;

    protected override Task WriteAsync(IReadOnlyCollection<Bar> batch, CancellationToken cancellationToken) => store.AppendAsync(batch, cancellationToken);
}
