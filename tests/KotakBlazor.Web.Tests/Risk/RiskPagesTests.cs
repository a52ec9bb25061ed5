using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Risk;

/// <summary>The risk, journal and session pages over real HTTP: who gets in, and what the server renders for them.</summary>
public sealed class RiskPagesTests : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await PaperTrading.ReadyAsync(_app, _timeout.Token);
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/risk")]
    [InlineData("/journal")]
    [InlineData("/session")]
    public async Task Anonymous_users_are_sent_to_the_login_page(string path)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(path, _timeout.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_admin_gets_the_trip_control_and_an_editable_limits_form()
    {
        var (client, _) = await _app.SignedInClientAsync();

        var html = await client.GetStringAsync("/risk", _timeout.Token);

        Assert.Contains("id=\"kill-switch-trip\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"limits-save\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"risk-read-only\"", html, StringComparison.Ordinal);
        Assert.Contains("data-tripped=\"false\"", html, StringComparison.Ordinal);
        client.Dispose();
    }

    [Theory]
    [InlineData(UserRoles.Trader)]
    [InlineData(UserRoles.Viewer)]
    public async Task Traders_and_viewers_see_the_risk_page_without_controls(string role)
    {
        var client = await SignedInAsync(role.ToLowerInvariant() + "1", role);

        var html = await client.GetStringAsync("/risk", _timeout.Token);

        Assert.Contains("id=\"risk-read-only\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"kill-switch-trip\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"limits-save\"", html, StringComparison.Ordinal);
        Assert.Matches("<fieldset disabled", html);
        client.Dispose();
    }

    [Fact]
    public async Task While_tripped_every_page_carries_the_banner_with_who_and_why()
    {
        Assert.True((await _app.Services.GetRequiredService<KillSwitchService>().TripAsync(PaperTrading.Admin, "exchange halt", _timeout.Token)).Succeeded);
        var client = await SignedInAsync("viewer1", UserRoles.Viewer);

        foreach (var path in new[] { "/", "/strategies", "/journal", "/session", "/risk" })
        {
            var html = await client.GetStringAsync(path, _timeout.Token);

            Assert.Contains("id=\"kill-switch-banner\"", html, StringComparison.Ordinal);
            Assert.Matches("Kill switch TRIPPED</strong> by admin at \\d\\d:\\d\\d IST: exchange halt - no new orders reach the broker", html);
        }

        client.Dispose();
    }

    [Fact]
    public async Task A_viewer_can_read_the_journal_and_the_session_but_gets_no_controls()
    {
        var client = await SignedInAsync("viewer1", UserRoles.Viewer);

        var journal = await client.GetStringAsync("/journal", _timeout.Token);
        var session = await client.GetStringAsync("/session", _timeout.Token);

        Assert.Contains("id=\"journal-export\"", journal, StringComparison.Ordinal);
        Assert.Contains("href=\"/journal/export.csv?from=", journal, StringComparison.Ordinal);
        Assert.Contains("id=\"session-read-only\"", session, StringComparison.Ordinal);
        Assert.Contains("data-live=\"false\"", session, StringComparison.Ordinal);
        client.Dispose();
    }

    private async Task<HttpClient> SignedInAsync(string userName, string role)
    {
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync(userName, Password, role, "admin", _timeout.Token);
        return (await _app.SignedInClientAsync(userName, Password)).Client;
    }
}
