using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Components;

/// <summary>The strategies and option chain pages over real HTTP: who gets in, and what the server renders for them.</summary>
public sealed class StrategyAndOptionPagesTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync(configure: TestStrategies.Register);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/strategies")]
    [InlineData("/options")]
    public async Task Anonymous_users_are_sent_to_the_login_page(string path)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_trader_sees_the_catalogue_with_parameters_and_the_add_form()
    {
        var (client, _) = await SignedInAsync("trader1", UserRoles.Trader);

        var html = await client.GetStringAsync("/strategies");

        Assert.Contains("Every bar (test)", html, StringComparison.Ordinal);
        Assert.Contains("Raises a signal on every closed bar", html, StringComparison.Ordinal);
        Assert.Matches("id=\"param-stopLossPercent\" type=\"number\" step=\"any\" min=\"0.1\" max=\"10\"", html);
        Assert.DoesNotContain("read-only-note", html, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task A_viewer_is_told_the_page_is_read_only_and_gets_a_disabled_form()
    {
        var (client, _) = await SignedInAsync("viewer1", UserRoles.Viewer);

        var html = await client.GetStringAsync("/strategies");

        Assert.Contains("id=\"read-only-note\"", html, StringComparison.Ordinal);
        Assert.Matches("<fieldset disabled", html);
        client.Dispose();
    }

    [Fact]
    public async Task The_option_chain_renders_the_nifty_chain_with_an_atm_row()
    {
        await MarketWait.UntilTicksFlowAsync(_app, ticks: 400);
        var (client, _) = await _app.SignedInClientAsync();

        var html = await client.GetStringAsync("/options");

        Assert.Contains("data-underlying=\"NIFTY\"", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"kb-atm\""));
        client.Dispose();
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> SignedInAsync(string userName, string role)
    {
        const string password = "a-long-enough-password";
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync(userName, password, role, "admin", CancellationToken.None);
        return await _app.SignedInClientAsync(userName, password);
    }
}
