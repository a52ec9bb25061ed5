using System.Threading.Channels;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

/// <summary>A feed's status changes and alarms, subscribed before it starts so none is missed.</summary>
internal sealed class EventStreamReader(EventStream<KotakFeedStatus>.Subscription status, EventStream<FeedAlarm>.Subscription alarms) : IDisposable
{
    public ChannelReader<KotakFeedStatus> Status => status.Reader;

    public ChannelReader<FeedAlarm> Alarms => alarms.Reader;

    public void Dispose()
    {
        status.Dispose();
        alarms.Dispose();
    }
}
