using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// The broker settings on the server: only an admin sees, saves, removes or logs in, whatever a page shows; a
/// refusal changes nothing and is audited; what comes back is masked. In Paper mode, where credentials are
/// entered before switching modes.
/// </summary>
public sealed class BrokerSettingsTests : IAsyncLifetime
{
    private static readonly KotakCredentials Credentials = new("acc-tok-7d1e94b2c0a35f68", "9123405678", "QW7RT4", "735291", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private LoopbackApp _app = null!;

    private BrokerSettingsService Settings => _app.Services.GetRequiredService<BrokerSettingsService>();

    private KotakCredentialStore Store => _app.Services.GetRequiredService<KotakCredentialStore>();

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _timeout.Dispose();
    }

    [Theory]
    [InlineData(UserRoles.Trader)]
    [InlineData(UserRoles.Viewer)]
    public async Task Only_an_admin_may_see_save_remove_or_log_in_and_every_refusal_is_audited(string role)
    {
        var user = new ActingUser(role.ToLowerInvariant() + "1", role);
        await Settings.SaveAsync(KotakNeoApp.Admin, Credentials, _timeout.Token);

        var seen = await Settings.LoadAsync(user, _timeout.Token);
        var saved = await Settings.SaveAsync(user, Credentials with { Mpin = "111111" }, _timeout.Token);
        var removed = await Settings.ClearAsync(user, _timeout.Token);
        var login = await Settings.LogInAsync(user, _timeout.Token);

        Assert.Equal((null, "Only an admin may see the broker credentials."), (seen.Credentials, seen.Problem));
        Assert.Equal((false, "Only an admin may change the broker credentials."), (saved.Succeeded, saved.Message));
        Assert.Equal((false, "Only an admin may remove the broker credentials."), (removed.Succeeded, removed.Message));
        Assert.Equal((false, "Only an admin may log in to the broker."), (login.Succeeded, login.Message));
        Assert.Equal(Credentials, await Store.LoadAsync(_timeout.Token));
        var refusals = (await AuditAsync()).Where(a => a.Actor == user.UserName).ToList();
        Assert.Equal(4, refusals.Count);
        Assert.All(refusals, a => Assert.Equal("broker.settings.refused", a.Action));
    }

    [Fact]
    public async Task An_admin_saves_and_sees_them_masked_and_bad_details_are_refused_with_reasons()
    {
        var bad = await Settings.SaveAsync(KotakNeoApp.Admin, Credentials with { Mpin = "12", TotpSecret = "not base32!" }, _timeout.Token);
        Assert.False(bad.Succeeded);
        Assert.Contains("The MPIN should be 4 to 6 digits.", bad.Message, StringComparison.Ordinal);
        Assert.Contains("The TOTP secret is not valid", bad.Message, StringComparison.Ordinal);
        Assert.False(await Store.HasCredentialsAsync(_timeout.Token));

        var saved = await Settings.SaveAsync(KotakNeoApp.Admin, Credentials, _timeout.Token);
        var view = await Settings.LoadAsync(KotakNeoApp.Admin, _timeout.Token);

        Assert.True(saved.Succeeded, saved.Message);
        var masked = view.Credentials!;
        var shown = string.Join(" ", masked.AccessToken, masked.MobileNumber, masked.Ucc, masked.Mpin, masked.TotpSecret);
        foreach (var secret in new[] { Credentials.AccessToken, Credentials.MobileNumber, Credentials.Ucc, Credentials.Mpin, Credentials.TotpSecret })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }

        Assert.Equal(("admin", true), (masked.SavedBy, masked.Ucc.EndsWith("T4", StringComparison.Ordinal)));
        Assert.Contains(await AuditAsync(), a => a.Actor == "admin" && a.Action == "broker.credentials.saved" && !a.Details!.Contains(Credentials.Ucc, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_settings_page_is_refused_to_a_trader_by_the_server_and_shows_an_admin_only_masks()
    {
        await Settings.SaveAsync(KotakNeoApp.Admin, Credentials, _timeout.Token);
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", "trader-password-1", UserRoles.Trader, "admin", _timeout.Token);
        var (trader, _) = await _app.SignedInClientAsync("trader1", "trader-password-1");
        var (admin, _) = await _app.SignedInClientAsync();

        var refused = await trader.GetAsync("/admin/broker", _timeout.Token);
        var health = await trader.GetAsync("/broker", _timeout.Token);
        var page = await admin.GetStringAsync("/admin/broker", _timeout.Token);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/access-denied", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Broker health", await health.Content.ReadAsStringAsync(_timeout.Token), StringComparison.Ordinal);
        Assert.Contains("Kotak Neo login details", page, StringComparison.Ordinal);
        Assert.Contains("id=\"broker-credentials-saved\"", page, StringComparison.Ordinal);
        // (The 6-digit MPIN is left out here: Blazor's base64 markers could hold any six digits.)
        foreach (var secret in new[] { Credentials.AccessToken, Credentials.MobileNumber, Credentials.Ucc, Credentials.TotpSecret })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }

        trader.Dispose();
        admin.Dispose();
    }

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => _app.Services.GetRequiredService<AuditLog>().RecentAsync(100, _timeout.Token);
}
