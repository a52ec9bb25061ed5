using System.Threading.Channels;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// A feed server refusing the session (SFeed 1120) is told to people, the next attempt logs in afresh (one login,
/// for every caller), and the feed's return is told too.
/// </summary>
public sealed class KotakFeedAlarmTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private readonly RecordingNotifier _notifier = new();
    private FakeKotakBroker _fake = null!;
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeKotakBroker.StartAsync();
        var settings = _fake.Settings();
        settings["Kotak:MarketFeed:RejectedRetryDelay"] = "00:00:00.200";
        _app = await LoopbackApp.StartAsync(settings, configure: builder => builder.Services.AddSingleton<INotifier>(_notifier));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task A_refused_feed_session_is_announced_renewed_by_one_login_and_its_return_announced()
    {
        var settings = _app.Services.GetRequiredService<Web.Broker.BrokerSettingsService>();
        await settings.SaveAsync(KotakNeoApp.Admin, _fake.Credentials, _timeout.Token);
        Assert.True((await settings.LogInAsync(KotakNeoApp.Admin, _timeout.Token)).Succeeded);
        await _fake.Feeds.SFeed.AuthFrames.WaitUntilAsync(frames => frames.Any(f => (string?)f["auth"] == _fake.Rest.TradeSid));
        var firstSid = _fake.Rest.TradeSid;

        // Kotak ends the session on the feed side: the next connection is refused with 1120.
        _fake.Feeds.SFeed.CurrentSid = () => "ended";
        var connections = _fake.Feeds.SFeed.Connections.Count;
        _fake.Feeds.SFeed.Current.Drop();
        var down = await _notifier.NextAsync(NotificationKind.FeedDown, _timeout.Token);
        _fake.Feeds.SFeed.CurrentSid = () => _fake.Rest.TradeSid;

        var back = await _notifier.NextAsync(NotificationKind.FeedRestored, _timeout.Token);
        Assert.Equal(("Kotak market feed refused the session", NotificationSeverity.Warning), (down.Title, down.Severity));
        Assert.Contains("Auth failed: invalid session", down.Body, StringComparison.Ordinal);
        Assert.Equal("Kotak market feed is back", back.Title);
        Assert.Equal(2, _fake.Rest.LoginCount);
        Assert.NotEqual(firstSid, _fake.Rest.TradeSid);
        Assert.Equal(_fake.Rest.TradeSid, (string?)_fake.Feeds.SFeed.AuthFrames.Items[^1]["auth"]);
        Assert.True(_fake.Feeds.SFeed.Connections.Count >= connections + 2);
    }

    private sealed class RecordingNotifier : INotifier
    {
        private readonly Channel<Notification> _published = Channel.CreateUnbounded<Notification>();

        public ValueTask PublishAsync(Notification notification, CancellationToken cancellationToken) => _published.Writer.WriteAsync(notification, cancellationToken);

        public async Task<Notification> NextAsync(NotificationKind kind, CancellationToken cancellationToken)
        {
            while (true)
            {
                var notification = await _published.Reader.ReadAsync(cancellationToken);
                if (notification.Kind == kind)
                {
                    return notification;
                }
            }
        }
    }
}
