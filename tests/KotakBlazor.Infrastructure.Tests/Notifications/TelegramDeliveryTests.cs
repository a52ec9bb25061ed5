using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Notifications;

namespace KotakBlazor.Infrastructure.Tests.Notifications;

/// <summary>
/// The outbox against a fake Telegram on loopback: delivery with MarkdownV2, an outage that delays
/// but loses nothing and keeps the order, Telegram's retry_after honoured, a permanent refusal
/// recorded with its reason without holding up the rest.
/// </summary>
public sealed class TelegramDeliveryTests : IAsyncLifetime
{
    private NotificationRig _rig = null!;

    public async Task InitializeAsync() => _rig = await NotificationRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_published_notification_is_delivered_once_as_escaped_markdown_and_marked_sent()
    {
        await _rig.PublishAsync(NotificationRig.Note("Order filled: BUY 65 NIFTY26D0826000CE at an average of 101.50"));

        var pass = await _rig.PassAsync();
        var again = await _rig.PassAsync();

        Assert.Equal(new DeliveryPass(1, 0, 0, null), pass);
        Assert.Equal(new DeliveryPass(0, 0, 0, null), again);
        var message = Assert.Single(_rig.Telegram.Messages);
        Assert.Equal("MarkdownV2", message.ParseMode);
        Assert.Equal(FakeTelegramServer.ChatId, message.ChatId);
        Assert.Equal("ℹ️ Order filled: BUY 65 NIFTY26D0826000CE at an average of 101.50\nDetails: 1.5 - 2.0!", message.Shown);
        var delivery = Assert.Single(await _rig.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(NotificationRig.Start, delivery.SentAt);
    }

    [Fact]
    public async Task An_outage_delays_every_message_with_exponential_backoff_and_recovery_delivers_them_all_in_order()
    {
        _rig.Telegram.Down = true;
        await _rig.PublishAsync(NotificationRig.Note("first"));
        await _rig.PublishAsync(NotificationRig.Note("second"));

        // First try: the head fails, the one behind it is not even tried.
        var pass = await _rig.PassAsync();
        Assert.Equal(new DeliveryPass(0, 0, 1, NotificationRig.Start.AddSeconds(2)), pass);
        Assert.Equal(1, _rig.Telegram.Attempts);

        // Before the backoff runs out nothing is sent, however often the worker looks.
        _rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DeliveryPass(0, 0, 0, NotificationRig.Start.AddSeconds(2)), await _rig.PassAsync());
        Assert.Equal(1, _rig.Telegram.Attempts);

        // Still down: 2 s, then 4 s, then 8 s between tries.
        _rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DeliveryPass(0, 0, 1, NotificationRig.Start.AddSeconds(2 + 4)), await _rig.PassAsync());
        _rig.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(new DeliveryPass(0, 0, 1, NotificationRig.Start.AddSeconds(2 + 4 + 8)), await _rig.PassAsync());
        var waiting = await _rig.DeliveriesAsync();
        Assert.All(waiting, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.Equal([3, 0], waiting.Select(d => d.Attempts));
        Assert.Equal("Service Unavailable", waiting[0].LastError);

        // Telegram is back: both go, first one first, each exactly once.
        _rig.Telegram.Down = false;
        _rig.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(new DeliveryPass(2, 0, 0, null), await _rig.PassAsync());
        Assert.Equal(["first", "second"], _rig.Telegram.Messages.Select(m => m.Shown.Split('\n')[0][3..]));
        Assert.All(await _rig.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(5, _rig.Telegram.Attempts);
    }

    [Fact]
    public async Task Telegram_unreachable_is_an_outage_too_and_the_backoff_stops_growing_at_its_ceiling()
    {
        await _rig.Telegram.DisposeAsync();
        await _rig.PublishAsync(NotificationRig.Note("while the network is out"));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var pass = await _rig.PassAsync();
            Assert.Equal(1, pass.Deferred);
            waits.Add(pass.NextDueAt!.Value - _rig.Clock.GetUtcNow());
            _rig.Clock.SetUtcNow(pass.NextDueAt.Value);
        }

        // 2, 4, 8, 16, 32, then the 60 s ceiling.
        Assert.Equal([2, 4, 8, 16, 32, 60, 60], waits.Select(w => w.TotalSeconds));
        var delivery = Assert.Single(await _rig.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(7, delivery.Attempts);
        Assert.StartsWith("Telegram unreachable", delivery.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramServer.Token, delivery.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_exactly_the_retry_after_telegram_asked_for()
    {
        _rig.Telegram.FailNext(429, "Too Many Requests: retry after 17", retryAfter: 17);
        await _rig.PublishAsync(NotificationRig.Note("rate limited"));

        var pass = await _rig.PassAsync();

        Assert.Equal(new DeliveryPass(0, 0, 1, NotificationRig.Start.AddSeconds(17)), pass);
        _rig.Clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(0, (await _rig.PassAsync()).Sent);
        _rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await _rig.PassAsync()).Sent);
        Assert.Single(_rig.Telegram.Messages);
        Assert.Equal(2, _rig.Telegram.Attempts);
    }

    [Fact]
    public async Task A_permanent_400_is_recorded_as_failed_with_telegrams_reason_and_the_next_message_still_goes()
    {
        _rig.Telegram.FailNext(400, "Bad Request: message text is empty");
        await _rig.PublishAsync(NotificationRig.Note("refused"));
        await _rig.PublishAsync(NotificationRig.Note("accepted"));

        var pass = await _rig.PassAsync();
        var retried = await _rig.PassAsync();

        Assert.Equal(new DeliveryPass(1, 1, 0, null), pass);
        Assert.Equal(new DeliveryPass(0, 0, 0, null), retried);
        var deliveries = await _rig.DeliveriesAsync();
        Assert.Equal(DeliveryStatus.Failed, deliveries[0].Status);
        Assert.Equal("Bad Request: message text is empty", deliveries[0].LastError);
        Assert.Equal(DeliveryStatus.Sent, deliveries[1].Status);
        // The reason is what a user sees next to the notification in the app.
        var inbox = await _rig.Inbox.LoadAsync("trader1", 10, CancellationToken.None);
        Assert.Equal("Bad Request: message text is empty", inbox.Single(i => i.Notification.Title == "refused").Telegram!.LastError);
    }

    [Fact]
    public async Task An_unescaped_text_would_be_refused_by_telegram_so_every_reserved_character_in_titles_and_bodies_arrives_intact()
    {
        const string Title = "Kill switch TRIPPED by risk (daily-loss limit)";
        const string Body = "Day P&L -₹52,340.75 < -₹50,000.00 limit; 3 orders cancelled [auto] #risk = {a|b} ~x_y* `z` > 1.0!";
        await _rig.PublishAsync(new Notification(NotificationKind.KillSwitchTripped, NotificationSeverity.Critical, Title, Body, NotificationRig.Start));

        Assert.Equal(1, (await _rig.PassAsync()).Sent);

        Assert.Equal($"🚨 {Title}\n{Body}", Assert.Single(_rig.Telegram.Messages).Shown);
    }

    [Fact]
    public async Task With_telegram_removed_after_queueing_the_delivery_fails_with_the_reason()
    {
        await _rig.PublishAsync(NotificationRig.Note("queued"));
        await _rig.Settings.ClearAsync("admin", CancellationToken.None);

        Assert.Equal(new DeliveryPass(0, 1, 0, null), await _rig.PassAsync());

        Assert.Equal("Telegram is not set up (no bot token and chat id saved).", Assert.Single(await _rig.DeliveriesAsync()).LastError);
        Assert.Equal(0, _rig.Telegram.Attempts);
    }

    [Fact]
    public async Task The_running_worker_wakes_when_a_notification_is_queued_and_retries_after_the_backoff_on_the_clock()
    {
        using var passes = _rig.Worker.Passes.Subscribe(64);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = _rig.Worker.RunAsync(stop.Token);
        Assert.Equal(new DeliveryPass(0, 0, 0, null), await passes.Reader.ReadAsync(stop.Token));

        _rig.Telegram.Down = true;
        await _rig.PublishAsync(NotificationRig.Note("wakes the worker"));
        Assert.Equal(1, (await passes.Reader.ReadAsync(stop.Token)).Deferred);

        // The worker sleeps on the clock until the backoff is over; moving the clock there wakes it.
        _rig.Telegram.Down = false;
        await _rig.Clock.WaitForArmedTimersAsync(1, stop.Token);
        _rig.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, (await passes.Reader.ReadAsync(stop.Token)).Sent);
        Assert.Equal("wakes the worker", _rig.Telegram.Messages.Single().Shown.Split('\n')[0][3..]);

        await stop.CancelAsync();
        await running;
    }
}
