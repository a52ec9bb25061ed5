using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>Every plain form the app serves refuses a post without its antiforgery token, signed in or not.</summary>
public sealed class AntiforgeryTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync();
        await _app.Services.GetRequiredService<UserAccountService>().CreateAsync("trader1", "trader-password-1", UserRoles.Trader, "admin", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_endpoint_that_takes_a_post_validates_an_antiforgery_token_except_the_signalr_transports()
    {
        var posts = _app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();
        var unprotected = posts
            .Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation != true)
            .Select(e => e.RoutePattern.RawText ?? "?")
            .Where(path => !path.StartsWith("/_blazor", StringComparison.Ordinal) && !path.StartsWith("/hubs/", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(posts, e => e.RoutePattern.RawText == "/account/logout");
        Assert.Contains(posts, e => e.RoutePattern.RawText == "/account/two-factor");
        Assert.Contains(posts, e => e.RoutePattern.RawText == "/account/login/two-factor");
        Assert.Empty(unprotected);
    }

    [Theory]
    [InlineData("login", "/account/login", false)]
    [InlineData("two-factor-login", "/account/login/two-factor", false)]
    [InlineData("start-two-factor", "/account/two-factor", true)]
    [InlineData("confirm-two-factor", "/account/two-factor", true)]
    [InlineData("disable-two-factor", "/account/two-factor", true)]
    [InlineData("renew-recovery-codes", "/account/two-factor", true)]
    [InlineData(null, "/account/logout", true)]
    public async Task A_post_without_the_token_is_refused(string? handler, string path, bool signedIn)
    {
        var client = signedIn ? (await _app.SignedInClientAsync("trader1", "trader-password-1")).Client : _app.CreateClient();
        var form = new Dictionary<string, string> { ["Input.UserName"] = "trader1", ["Input.Password"] = "trader-password-1", ["Confirm.Code"] = "123456", ["returnUrl"] = "/" };
        if (handler is not null)
        {
            form["_handler"] = handler;
        }

        var response = await client.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(signedIn ? "/account/two-factor" : "/account/login")).StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task The_same_post_with_the_token_is_accepted()
    {
        var (client, _) = await _app.SignedInClientAsync("trader1", "trader-password-1");

        var secret = await AccountForms.StartEnrollmentAsync(client);

        Assert.Equal(32, secret.Length);
        client.Dispose();
    }
}
