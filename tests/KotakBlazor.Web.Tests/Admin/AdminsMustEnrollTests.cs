using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>With Auth:RequireTwoFactorForAdmins an admin without an authenticator reaches nothing but the enrollment page and sign-out.</summary>
public sealed class AdminsMustEnrollTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Auth:RequireTwoFactorForAdmins"] = "true" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/risk")]
    public async Task Every_page_sends_an_admin_without_an_authenticator_to_the_enrollment_page(string path)
    {
        var (client, _) = await _app.SignedInClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountForms.TwoFactorPage, AccountForms.Location(_app, response).AbsolutePath);
        var page = await client.GetStringAsync(AccountForms.TwoFactorPage);
        Assert.Contains("id=\"two-factor-required\"", page, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task The_hub_and_the_circuit_refuse_them_too()
    {
        var (client, _) = await _app.SignedInClientAsync();

        var hub = await client.PostAsync("/hubs/market/negotiate?negotiateVersion=1", null);
        var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task After_enrolling_the_admin_gets_in_and_cannot_turn_the_authenticator_off()
    {
        var (client, _) = await _app.SignedInClientAsync();

        var (secret, _) = await AccountForms.EnrolAsync(_app, client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        var page = await client.GetStringAsync(AccountForms.TwoFactorPage);
        Assert.DoesNotContain("disable-two-factor", page, StringComparison.Ordinal);
        var forced = await AccountForms.PostAsync(client, AccountForms.TwoFactorPage, page, "disable-two-factor",
            new Dictionary<string, string> { ["Disable.Code"] = AccountForms.Code(_app, secret, 1) });
        Assert.NotEqual(HttpStatusCode.OK, forced.StatusCode);
        Assert.True(await _app.Services.GetRequiredService<TwoFactorService>().IsEnabledAsync(1, CancellationToken.None));
        client.Dispose();
    }

    [Fact]
    public async Task Signing_out_still_works_and_traders_are_not_asked_to_enrol()
    {
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", "trader-password-1", UserRoles.Trader, "admin", CancellationToken.None);
        var (admin, _) = await _app.SignedInClientAsync();
        var (trader, _) = await _app.SignedInClientAsync("trader1", "trader-password-1");

        var page = await admin.GetStringAsync(AccountForms.TwoFactorPage);
        var signedOut = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login", AccountForms.Location(_app, signedOut).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await trader.GetAsync("/")).StatusCode);
        admin.Dispose();
        trader.Dispose();
    }
}
