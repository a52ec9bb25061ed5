using System.Threading.Channels;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

/// <summary>Awaiting what a feed reports, with a timeout that fails a broken test instead of hanging it.</summary>
internal static class FeedTestWaits
{
    public static async Task<KotakFeedStatus> NextStatusAsync(this ChannelReader<KotakFeedStatus> reader, KotakFeedState state)
    {
        using var patience = new CancellationTokenSource(EventLog<int>.Patience);
        while (true)
        {
            var status = await reader.ReadAsync(patience.Token);
            if (status.State == state)
            {
                return status;
            }
        }
    }

    public static async Task<T> NextAsync<T>(this ChannelReader<T> reader)
    {
        using var patience = new CancellationTokenSource(EventLog<int>.Patience);
        return await reader.ReadAsync(patience.Token);
    }
}
