using System.Threading.Channels;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Signals;
using KotakBlazor.Infrastructure.Signals;

namespace KotakBlazor.Web.Hosting;

/// <summary>Stores every signal the kernel raises.</summary>
internal sealed class SignalWriter(KernelEventStreams events, SignalStore store, ILogger<SignalWriter> logger) : BatchWriter<Signal>(logger)
{
    protected override ChannelReader<Signal> Open() => events.Signals.Subscribe(capacity: 100_000).Reader;

    protected override Task WriteAsync(IReadOnlyCollection<Signal> batch, CancellationToken cancellationToken) => store.AppendAsync(batch, cancellationToken);
}
