using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Operations;

/// <summary>
/// Notifications from the running engine reach people's in-app centres as each chose: an order's
/// events go to its owner, a kill-switch trip to everyone, and a kind someone switched off does not
/// reach them. Each person sees and marks only their own.
/// </summary>
public sealed class NotificationRoutingTests : IAsyncLifetime
{
    private static readonly ActingUser Trader = new("trader1", UserRoles.Trader);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private LoopbackApp _app = null!;

    private NotificationCentre Centre => _app.Services.GetRequiredService<NotificationCentre>();

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", "trader-password-long", UserRoles.Trader, "admin", _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_orders_fill_reaches_only_its_owner_and_only_while_they_want_fills_in_the_app()
    {
        using var posted = Centre.Posted.Subscribe(256);
        await Centre.SaveChoicesAsync(Trader, [new NotificationChoice(NotificationKind.OrderExecuted, InApp: false, Telegram: false)], _timeout.Token);

        await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, _timeout.Token);
        await PaperTrading.FillAsync(_app, Trader, PaperTrading.Reliance, OrderSide.Buy, 1, _timeout.Token);
        var muted = await NextAsync(posted, NotificationKind.OrderExecuted);

        Assert.Equal("trader1", muted.Notification.UserName);
        Assert.Empty(muted.InAppRecipients);
        Assert.DoesNotContain(await Centre.LoadAsync(Trader, 50, _timeout.Token), i => i.Notification.Kind == NotificationKind.OrderExecuted);

        await Centre.SaveChoicesAsync(Trader, [new NotificationChoice(NotificationKind.OrderExecuted, InApp: true, Telegram: false)], _timeout.Token);
        await PaperTrading.FillAsync(_app, Trader, PaperTrading.Reliance, OrderSide.Sell, 1, _timeout.Token);
        var heard = await NextAsync(posted, NotificationKind.OrderExecuted);

        Assert.Equal(["trader1"], heard.InAppRecipients);
        var item = Assert.Single(await Centre.LoadAsync(Trader, 50, _timeout.Token), i => i.Notification.Kind == NotificationKind.OrderExecuted);
        Assert.StartsWith("Order filled: SELL 1 RELIANCE-EQ at an average of ", item.Notification.Title, StringComparison.Ordinal);
        Assert.True(item.IsUnread);
        // The admin placed nothing: none of the trader's order notifications is in their centre.
        Assert.DoesNotContain(await Centre.LoadAsync(PaperTrading.Admin, 50, _timeout.Token), i => i.Notification.UserName == "trader1");
    }

    [Fact]
    public async Task A_kill_switch_trip_reaches_everyone_except_whoever_switched_trips_off_and_marking_read_is_per_person()
    {
        using var posted = Centre.Posted.Subscribe(256);
        await Centre.SaveChoicesAsync(PaperTrading.Admin, [new NotificationChoice(NotificationKind.KillSwitchTripped, InApp: false, Telegram: false)], _timeout.Token);

        var trip = await _app.Services.GetRequiredService<KillSwitchService>().TripAsync(PaperTrading.Admin, "broker outage", _timeout.Token);
        Assert.True(trip.Succeeded, trip.Message);
        var tripped = await NextAsync(posted, NotificationKind.KillSwitchTripped);

        Assert.Equal(["trader1"], tripped.InAppRecipients);
        Assert.Equal(NotificationSeverity.Critical, tripped.Notification.Severity);
        Assert.Equal("Kill switch TRIPPED by admin", tripped.Notification.Title);
        var traderItems = await Centre.LoadAsync(Trader, 50, _timeout.Token);
        var item = Assert.Single(traderItems, i => i.Notification.Kind == NotificationKind.KillSwitchTripped);
        Assert.StartsWith("broker outage", item.Notification.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await Centre.LoadAsync(PaperTrading.Admin, 50, _timeout.Token), i => i.Notification.Kind == NotificationKind.KillSwitchTripped);

        var unread = await Centre.UnreadCountAsync(Trader, _timeout.Token);
        Assert.Equal(1, await Centre.MarkReadAsync(Trader, item.Id, _timeout.Token));
        Assert.Equal(unread - 1, await Centre.UnreadCountAsync(Trader, _timeout.Token));
        // Marking someone else's notification as "admin" changes nothing of the trader's.
        Assert.Equal(0, await Centre.MarkReadAsync(PaperTrading.Admin, item.Id, _timeout.Token));
    }

    [Fact]
    public async Task Only_an_admin_may_set_up_telegram_and_the_token_never_comes_back_in_full()
    {
        var setup = _app.Services.GetRequiredService<TelegramSetup>();
        const string Token = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

        var refused = await setup.SaveAsync(Trader, Token, "-1001234567890", true, _timeout.Token);
        var saved = await setup.SaveAsync(PaperTrading.Admin, Token, "-1001234567890", true, _timeout.Token);

        Assert.Equal((false, "Only an admin may set up Telegram."), (refused.Succeeded, refused.Message));
        Assert.True(saved.Succeeded, saved.Message);
        var masked = (await setup.LoadMaskedAsync(_timeout.Token))!;
        Assert.Equal(("••••Dsaw", "••••890"), (masked.BotToken, masked.ChatId));
        Assert.Empty(await setup.LoadDeliveriesAsync(Trader, 10, _timeout.Token));
    }

    private async Task<PostedNotification> NextAsync(Core.Messaging.EventStream<PostedNotification>.Subscription posted, NotificationKind kind)
    {
        while (true)
        {
            var next = await posted.Reader.ReadAsync(_timeout.Token);
            if (next.Notification.Kind == kind)
            {
                return next;
            }
        }
    }
}
