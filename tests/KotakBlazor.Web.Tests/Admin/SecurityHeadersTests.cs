using KotakBlazor.Web.Hosting;
using KotakBlazor.Web.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace KotakBlazor.Web.Tests.Admin;

public sealed class SecurityHeadersTests(SecurityHeadersTests.RunningApp running) : IClassFixture<SecurityHeadersTests.RunningApp>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = running.App.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("ws:", csp, StringComparison.Ordinal);
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("payment=()", permissions, StringComparison.Ordinal);
        // Plain HTTP: a browser ignores HSTS there, and the app does not send it.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Account_pages_are_never_cached()
    {
        using var client = running.App.CreateClient();

        var login = await client.GetAsync("/account/login");
        var code = await client.GetAsync("/account/login/two-factor");

        Assert.True(login.Headers.CacheControl!.NoStore);
        Assert.True(code.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public void Hsts_is_sent_over_https_outside_development_only()
    {
        var production = Https();
        var development = Https();
        var plain = new DefaultHttpContext();

        SecurityHeaders.Apply(production, hsts: true);
        SecurityHeaders.Apply(development, hsts: false);
        SecurityHeaders.Apply(plain, hsts: true);

        Assert.Equal("max-age=31536000; includeSubDomains", production.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Empty(development.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Empty(plain.Response.Headers.StrictTransportSecurity.ToString());
    }

    private static DefaultHttpContext Https()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        return context;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage!.RequestUri}");

    public sealed class RunningApp : IAsyncLifetime
    {
        public LoopbackApp App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await LoopbackApp.StartAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
