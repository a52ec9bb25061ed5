using System.Net;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Web.Admin;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>The audit log viewer shows what it claims, from what really happened in the running app.</summary>
public sealed class AuditRecordsTests : IAsyncLifetime
{
    private static readonly ActingUser Admin = new("admin", UserRoles.Admin);
    private static readonly ActingUser Trader = new("trader1", UserRoles.Trader);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private LoopbackApp _app = null!;

    private AuditViewer Viewer => _app.Services.GetRequiredService<AuditViewer>();

    private DateOnly Today => IndianMarketTime.IstDate(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow());

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", "trader-password-1", UserRoles.Trader, "admin", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Sign_ins_failures_and_sign_outs_over_http_are_recorded_with_the_address()
    {
        using (var wrong = _app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _app.PostLoginAsync(wrong, "admin", "not-the-password")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _app.PostLoginAsync(wrong, "nobody", "whatever-password")).StatusCode);
        }

        var (client, _) = await _app.SignedInClientAsync();
        var page = await client.GetStringAsync("/");
        await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(page),
        }));
        client.Dispose();

        var admin = await Viewer.EntriesAsync(Admin, new AuditFilter(User: "ADMIN", Kind: "sign-in"), _timeout.Token);
        var nobody = await Viewer.EntriesAsync(Admin, new AuditFilter(User: "nobody"), _timeout.Token);

        Assert.Equal(["auth.sign-out", "auth.sign-in", "auth.sign-in.failed"], admin.Entries.Select(e => e.Action));
        Assert.All(admin.Entries, e => Assert.Equal("127.0.0.1", e.RemoteAddress));
        Assert.Equal("Wrong password.", admin.Entries[2].Details);
        Assert.Equal(("auth.sign-in.failed", "Unknown user name."), (Assert.Single(nobody.Entries).Action, nobody.Entries[0].Details));
    }

    [Fact]
    public async Task Kill_switch_risk_limit_and_broker_setting_changes_are_shown_under_their_kinds()
    {
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
        var killSwitch = _app.Services.GetRequiredService<KillSwitchService>();
        Assert.True((await killSwitch.TripAsync(Admin, "audit test trip", _timeout.Token)).Succeeded);
        Assert.True((await killSwitch.ResetAsync(Admin, "audit test reset", _timeout.Token)).Succeeded);
        var risk = _app.Services.GetRequiredService<RiskSettingsService>();
        var current = await _app.Services.GetRequiredService<IRiskStore>().LoadLimitsAsync(_timeout.Token) ?? RiskLimits.Default;
        Assert.True((await risk.SaveAsync(Admin, current with { PriceBandPercent = 4m }, current, _timeout.Token)).Succeeded);
        var credentials = new KotakCredentialStore(_app.Services.GetRequiredService<IDbContextFactory<KotakDbContext>>(), _app.Services.GetRequiredService<IDataProtectionProvider>(),
            _app.Services.GetRequiredService<TimeProvider>(), NullLogger<KotakCredentialStore>.Instance, _app.Services.GetRequiredService<AuditLog>());
        await credentials.SaveAsync(new KotakCredentials("access-token-for-audit", "9876543210", "AB1234", "1234", "JBSWY3DPEHPK3PXP"), "admin", _timeout.Token);

        var kill = await Viewer.EntriesAsync(Admin, new AuditFilter(Kind: "kill-switch"), _timeout.Token);
        var limits = await Viewer.EntriesAsync(Admin, new AuditFilter(Kind: "risk"), _timeout.Token);
        var broker = await Viewer.EntriesAsync(Admin, new AuditFilter(Kind: "broker"), _timeout.Token);

        Assert.Equal(["kill-switch.reset", "kill-switch.trip"], kill.Entries.Where(e => e.Action != "kill-switch.sweep").Select(e => e.Action));
        Assert.Contains(kill.Entries, e => e.Details == "audit test trip" && e.Actor == "admin");
        Assert.Contains("4", Assert.Single(limits.Entries).Details, StringComparison.Ordinal);
        var saved = Assert.Single(broker.Entries);
        Assert.Equal(("admin", "broker.credentials.saved"), (saved.Actor, saved.Action));
        Assert.DoesNotContain("AB1234", saved.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_are_shown_by_the_user_who_placed_them_from_the_order_store_and_the_audit_log()
    {
        var ltp = await PaperTrading.LastPriceAsync(_app, PaperTrading.Reliance, _timeout.Token);
        var commands = _app.Services.GetRequiredService<TradingCommands>();
        var limit = decimal.Round(ltp * 0.97m / 0.05m, MidpointRounding.ToZero) * 0.05m;
        var mine = await commands.PlaceAsync(Trader, new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 2, OrderType.Limit, ProductType.Mis, limit), OrderSource.Ticket, Guid.NewGuid().ToString("N"), _timeout.Token);
        var theirs = await commands.PlaceAsync(Admin, new OrderTicket(PaperTrading.Reliance, OrderSide.Buy, 1, OrderType.Limit, ProductType.Mis, limit), OrderSource.Ticket, Guid.NewGuid().ToString("N"), _timeout.Token);
        Assert.True(mine.Accepted, mine.Message);
        Assert.True(theirs.Accepted, theirs.Message);

        var orders = await Viewer.OrdersAsync(Admin, new AuditFilter(User: "trader1", From: Today, To: Today), _timeout.Token);
        var all = await Viewer.OrdersAsync(Admin, new AuditFilter(From: Today, To: Today), _timeout.Token);
        var tomorrow = await Viewer.OrdersAsync(Admin, new AuditFilter(User: "trader1", From: Today.AddDays(1)), _timeout.Token);
        var entries = await Viewer.EntriesAsync(Admin, new AuditFilter(User: "trader1", Kind: "orders"), _timeout.Token);

        var order = Assert.Single(orders.Orders);
        Assert.Equal((Assert.Single(mine.Orders).Id, "trader1", OrderSource.Ticket, 2), (order.Id, order.RequestedBy, order.Source, order.Quantity));
        Assert.Equal(2, all.Total);
        Assert.Equal(0, tomorrow.Total);
        Assert.Equal("order.placed", Assert.Single(entries.Entries).Action);
    }

    [Fact]
    public async Task A_trader_cannot_read_the_audit_log_and_the_attempt_is_recorded()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Viewer.EntriesAsync(Trader, new AuditFilter(), _timeout.Token));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Viewer.OrdersAsync(Trader, new AuditFilter(), _timeout.Token));

        var refused = await Viewer.EntriesAsync(Admin, new AuditFilter(User: "trader1"), _timeout.Token);

        Assert.Equal(2, refused.Entries.Count(e => e.Action == "audit.view-refused"));
    }

    [Fact]
    public async Task Pages_hold_fifty_entries_newest_first_with_the_total()
    {
        var audit = _app.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 120; i++)
        {
            await audit.WriteAsync("pager", "strategy.changed", $"entry {i}", null, _timeout.Token);
        }

        var first = await Viewer.EntriesAsync(Admin, new AuditFilter(User: "pager"), _timeout.Token);
        var third = await Viewer.EntriesAsync(Admin, new AuditFilter(User: "pager", Page: 3), _timeout.Token);

        Assert.Equal((120, 50, "entry 119"), (first.Total, first.Entries.Count, first.Entries[0].Details));
        Assert.Equal((20, "entry 19", "entry 0"), (third.Entries.Count, third.Entries[0].Details, third.Entries[^1].Details));
    }
}
