using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KotakBlazor.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;

namespace KotakBlazor.Web.Tests.Support;

/// <summary>
/// The real application (the same <see cref="KotakBlazorHost"/> that Program runs) on Kestrel,
/// bound to a free loopback port, with its own data folder and SQLite file.
/// </summary>
public sealed partial class LoopbackApp : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";

    private LoopbackApp(WebApplication app, Uri baseAddress, string dataFolder)
    {
        App = app;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="dataFolder">The data folder; a new temporary one when null.</param>
    /// <param name="configure">Runs before the app registers its own services (e.g. to register a test strategy catalogue).</param>
    public static async Task<LoopbackApp> StartAsync(IDictionary<string, string>? settings = null, string? dataFolder = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(settings, dataFolder ??= NewDataFolder(), configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackApp(app, new Uri(address), dataFolder);
    }

    public static WebApplication Build(IDictionary<string, string>? settings, string dataFolder, Action<WebApplicationBuilder>? configure = null)
    {
        var args = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["Data:Folder"] = dataFolder,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Simulator:Seed"] = "42",
            ["Simulator:TickInterval"] = "00:00:00.100",
        };
        if (settings?.TryGetValue("Clock:Speed", out var speed) == true)
        {
            // Fill timeouts run on the accelerated clock too: at 30 times speed the default 15 s is half a real second,
            // which a busy machine (CI runs the test projects side by side) can miss. Tests keep them 15 real seconds.
            var realSeconds = (15 * double.Parse(speed, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
            args["Placements:FillTimeoutSeconds"] = realSeconds;
            args["Execution:LegFillTimeoutSeconds"] = realSeconds;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args[key] = value;
        }

        return KotakBlazorHost.Build([.. args.Select(kv => $"--{kv.Key}={kv.Value}")], configure);
    }

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "kotakblazor-web-tests", Guid.NewGuid().ToString("N"));

    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Posts the login form as a browser would (antiforgery token included) and returns the response.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        return await client.PostAsync("/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)), new FormUrlEncodedContent(form));
    }

    /// <summary>A client with a signed-in cookie.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> SignedInClientAsync(string userName = "admin", string password = AdminPassword)
    {
        var cookies = new CookieContainer();
        var client = CreateClient(cookies);
        var response = await PostLoginAsync(client, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return (client, cookies);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Stops the app as a restart would, leaving its data folder for the next one.</summary>
    public async Task StopKeepingDataAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
