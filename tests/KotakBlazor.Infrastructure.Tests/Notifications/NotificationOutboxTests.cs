using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Tests.Notifications;

/// <summary>Who gets a notification, where: the owner or everyone, by each user's choices; one Telegram delivery however many chose it.</summary>
public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private NotificationRig _rig = null!;

    public async Task InitializeAsync() => _rig = await NotificationRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_notification_about_one_user_reaches_only_that_users_centre()
    {
        using var posted = _rig.Outbox.Posted.Subscribe();

        await _rig.PublishAsync(NotificationRig.Note("Order filled: BUY 1 RELIANCE-EQ", user: "trader1"));

        Assert.Equal(["trader1"], (await posted.Reader.ReadAsync()).InAppRecipients);
        Assert.Single(await _rig.Inbox.LoadAsync("trader1", 10, None));
        Assert.Empty(await _rig.Inbox.LoadAsync("admin", 10, None));
    }

    [Fact]
    public async Task A_notification_about_no_user_or_an_unknown_one_reaches_every_enabled_user()
    {
        await _rig.Db.Users.CreateAsync("viewer1", "viewer-password-long", "Viewer", "test", None);
        await using (var db = await _rig.Db.ContextFactory.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.UserName == "viewer1").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        await _rig.PublishAsync(NotificationRig.Note("Kill switch TRIPPED", NotificationKind.KillSwitchTripped));
        await _rig.PublishAsync(NotificationRig.Note("Order filled by a strategy", user: "strategy:ORB"));

        Assert.Equal(2, (await _rig.Inbox.LoadAsync("admin", 10, None)).Count);
        Assert.Equal(2, (await _rig.Inbox.LoadAsync("trader1", 10, None)).Count);
        Assert.Empty(await _rig.Inbox.LoadAsync("viewer1", 10, None));
    }

    [Fact]
    public async Task Each_users_choices_decide_their_centre_and_telegram_is_queued_once_when_anyone_chose_it()
    {
        await _rig.Preferences.SaveAsync("admin", [new NotificationChoice(NotificationKind.OrderExecuted, InApp: false, Telegram: true)], None);
        await _rig.Preferences.SaveAsync("trader1", [new NotificationChoice(NotificationKind.OrderExecuted, InApp: true, Telegram: true)], None);

        await _rig.PublishAsync(NotificationRig.Note("Order filled"));

        Assert.Empty(await _rig.Inbox.LoadAsync("admin", 10, None));
        Assert.Single(await _rig.Inbox.LoadAsync("trader1", 10, None));
        Assert.Single(await _rig.DeliveriesAsync());
    }

    [Fact]
    public async Task Nobody_choosing_telegram_or_telegram_switched_off_queues_nothing_for_it()
    {
        // By default placements stay off Telegram.
        await _rig.PublishAsync(NotificationRig.Note("Order placed", NotificationKind.OrderPlaced));
        Assert.Empty(await _rig.DeliveriesAsync());

        await _rig.Settings.SaveAsync(null, FakeTelegramServer.ChatId, enabled: false, "admin", None);
        await _rig.PublishAsync(NotificationRig.Note("Order filled"));

        Assert.Empty(await _rig.DeliveriesAsync());
        Assert.Equal(2, (await _rig.Inbox.LoadAsync("trader1", 10, None)).Count);
    }

    [Fact]
    public async Task Choices_load_with_defaults_for_kinds_never_chosen()
    {
        await _rig.Preferences.SaveAsync("trader1", [new NotificationChoice(NotificationKind.FeedDown, InApp: false, Telegram: false)], None);

        var choices = await _rig.Preferences.LoadAsync("trader1", None);

        Assert.Equal(Enum.GetValues<NotificationKind>(), choices.Select(c => c.Kind));
        Assert.Equal(new NotificationChoice(NotificationKind.FeedDown, false, false), choices.Single(c => c.Kind == NotificationKind.FeedDown));
        Assert.Equal(new NotificationChoice(NotificationKind.OrderPlaced, true, false), choices.Single(c => c.Kind == NotificationKind.OrderPlaced));
        Assert.Equal(new NotificationChoice(NotificationKind.KillSwitchTripped, true, true), choices.Single(c => c.Kind == NotificationKind.KillSwitchTripped));
    }

    [Fact]
    public async Task Unread_counts_and_marking_read_are_per_user()
    {
        await _rig.PublishAsync(NotificationRig.Note("one"));
        await _rig.PublishAsync(NotificationRig.Note("two"));
        var newest = (await _rig.Inbox.LoadAsync("trader1", 10, None))[0];
        Assert.Equal("two", newest.Notification.Title);

        Assert.Equal(1, await _rig.Inbox.MarkReadAsync("trader1", newest.Id, None));

        Assert.Equal(1, await _rig.Inbox.UnreadCountAsync("trader1", None));
        Assert.Equal(2, await _rig.Inbox.UnreadCountAsync("admin", None));
        Assert.Equal(1, await _rig.Inbox.MarkReadAsync("trader1", null, None));
        Assert.Equal(0, await _rig.Inbox.UnreadCountAsync("trader1", None));
        Assert.All(await _rig.Inbox.LoadAsync("trader1", 10, None), i => Assert.Equal(NotificationRig.Start, i.ReadAt));
    }
}
