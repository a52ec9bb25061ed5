using System.Threading.Channels;
using KotakBlazor.Core.MarketData.Ingestion;

namespace KotakBlazor.Core.MarketData;

/// <summary>One feed's way into the pipeline's channel; keeps that feed's health up to date.</summary>
internal sealed class PipelineFeedSink(ChannelWriter<Tick> writer, FeedHealth health, TimeProvider timeProvider) : IFeedSink
{
    public ValueTask WriteAsync(Tick tick, CancellationToken cancellationToken)
    {
        health.RecordTick(timeProvider.GetUtcNow());
        return writer.WriteAsync(tick, cancellationToken);
    }

    public void ReportConnection(bool connected, string? reason = null) =>
        health.RecordConnection(connected, reason, timeProvider.GetUtcNow());
}
