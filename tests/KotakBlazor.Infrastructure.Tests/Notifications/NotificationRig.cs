using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Infrastructure.Tests.KotakNeo;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Tests.Notifications;

/// <summary>The notification pieces on a real SQLite file and a fake Telegram on loopback, with time by hand.</summary>
internal sealed class NotificationRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = IndianMarketTime.AtIst(new DateOnly(2026, 12, 7), new TimeOnly(10, 0));

    private NotificationRig(TestDatabase db, FakeTelegramServer telegram, ManualClock clock)
    {
        Db = db;
        Telegram = telegram;
        Clock = clock;
        Options = new TelegramOptions { BaseUrl = telegram.BaseUrl.ToString(), RetryBaseSeconds = 2, MaxRetrySeconds = 60, TimeoutSeconds = 10 };
        Protection = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(db.Folder, "keys")), b => b.SetApplicationName("KotakBlazor"));
        Settings = new TelegramSettingsStore(db.ContextFactory, Protection, clock, new Logger<TelegramSettingsStore>(Logs), new AuditLog(db.ContextFactory, clock));
        Outbox = new NotificationOutbox(db.ContextFactory, clock);
        Inbox = new NotificationInbox(db.ContextFactory, clock);
        Preferences = new NotificationPreferenceStore(db.ContextFactory, clock);
        Client = TelegramClient.Create(Options);
        Worker = new TelegramDeliveryWorker(db.ContextFactory, Settings, Client, Outbox, Options, clock, new Logger<TelegramDeliveryWorker>(Logs));
    }

    public TestDatabase Db { get; }

    public FakeTelegramServer Telegram { get; }

    public ManualClock Clock { get; }

    public CapturedLogs Logs { get; } = new();

    public TelegramOptions Options { get; }

    public IDataProtectionProvider Protection { get; }

    public TelegramSettingsStore Settings { get; }

    public NotificationOutbox Outbox { get; }

    public NotificationInbox Inbox { get; }

    public NotificationPreferenceStore Preferences { get; }

    public TelegramClient Client { get; }

    public TelegramDeliveryWorker Worker { get; }

    /// <summary>A database with an admin and a trader, and Telegram set up (unless told otherwise).</summary>
    public static async Task<NotificationRig> StartAsync(bool telegramSetUp = true)
    {
        var clock = new ManualClock(Start);
        var db = await new TestDatabase(clock).InitializedAsync();
        var rig = new NotificationRig(db, await FakeTelegramServer.StartAsync(), clock);
        await db.Users.CreateAsync("admin", "admin-password-long", UserRoles.Admin, "test", CancellationToken.None);
        await db.Users.CreateAsync("trader1", "trader-password-long", UserRoles.Trader, "test", CancellationToken.None);
        if (telegramSetUp)
        {
            await rig.Settings.SaveAsync(FakeTelegramServer.Token, FakeTelegramServer.ChatId, true, "admin", CancellationToken.None);
        }

        return rig;
    }

    public static Notification Note(string title, NotificationKind kind = NotificationKind.OrderExecuted, string? user = null, string body = "Details: 1.5 - 2.0!") =>
        new(kind, NotificationSeverity.Info, title, body, Start, user);

    public ValueTask PublishAsync(Notification notification) => Outbox.PublishAsync(notification, CancellationToken.None);

    public Task<DeliveryPass> PassAsync() => Worker.DeliverDueAsync(CancellationToken.None);

    public async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync() => [.. (await Inbox.LoadDeliveriesAsync(100, CancellationToken.None)).OrderBy(d => d.Id)];

    public async ValueTask DisposeAsync()
    {
        await Telegram.DisposeAsync();
        await Db.DisposeAsync();
    }
}
