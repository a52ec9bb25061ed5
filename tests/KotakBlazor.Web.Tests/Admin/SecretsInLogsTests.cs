using System.Net;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Admin;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>
/// A full run with every log event down to Debug captured (the Serilog file in the data folder gets
/// the same events as the console): signing in, a failed sign-in, creating a user with a password,
/// enrolling an authenticator, signing in with it, an API key used on the hub, an order. Not one of
/// the passwords, TOTP secrets, recovery codes, cookies, antiforgery tokens or API keys used may appear.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string WrongPassword = "Wrong-Pa55word-typed-by-mistake";
    private const string NewUserPassword = "Kavya-first-Pa55word";

    [Fact]
    public async Task Nothing_secret_reaches_the_logs_of_a_full_run()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var folder = LoopbackApp.NewDataFolder();
        var app = await LoopbackApp.StartAsync(new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
        }, folder);
        var secrets = new List<(string What, string Value)> { ("admin password", LoopbackApp.AdminPassword), ("mistyped password", WrongPassword), ("new user's password", NewUserPassword) };
        try
        {
            // An admin signs in, someone mistypes, the admin creates a trader with a first password.
            var adminCookies = new CookieContainer();
            using var admin = app.CreateClient(adminCookies);
            Assert.Equal(HttpStatusCode.Redirect, (await app.PostLoginAsync(admin, "admin", LoopbackApp.AdminPassword)).StatusCode);
            using (var mistake = app.CreateClient())
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync(mistake, "admin", WrongPassword)).StatusCode);
            }

            var page = await admin.GetStringAsync("/admin/users");
            secrets.Add(("antiforgery form token", LoopbackApp.AntiforgeryToken(page)));
            var created = await app.Services.GetRequiredService<UserAdministration>().CreateAsync(new ActingUser("admin", UserRoles.Admin), "kavya", NewUserPassword, UserRoles.Trader, timeout.Token);
            Assert.True(created.Succeeded, created.Message);

            // The trader enrols an authenticator, signs out, and signs in with password and code.
            var kavyaCookies = new CookieContainer();
            using var kavya = app.CreateClient(kavyaCookies);
            Assert.Equal(HttpStatusCode.Redirect, (await app.PostLoginAsync(kavya, "kavya", NewUserPassword)).StatusCode);
            var (secret, recoveryCodes) = await AccountForms.EnrolAsync(app, kavya);
            secrets.Add(("TOTP secret", secret));
            secrets.Add(("TOTP secret as shown", string.Join(' ', secret.Chunk(4).Select(c => new string(c)))));
            secrets.AddRange(recoveryCodes.Select(c => ("recovery code", c)));
            secrets.AddRange(recoveryCodes.Select(c => ("recovery code", c.Replace("-", "", StringComparison.Ordinal))));
            var twoFactorPage = await kavya.GetStringAsync(AccountForms.TwoFactorPage);
            await kavya.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(twoFactorPage) }));
            Assert.Equal(HttpStatusCode.Redirect, (await app.PostLoginAsync(kavya, "kavya", NewUserPassword)).StatusCode);
            secrets.AddRange(CookieValues(kavyaCookies, "pending sign-in cookie"));
            Assert.Equal(HttpStatusCode.Redirect, (await AccountForms.PostCodeAsync(kavya, AccountForms.Code(app, secret, 1))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await kavya.GetAsync("/")).StatusCode);

            // An outside client uses an API key on the hub; another tries a made-up one.
            var (_, apiKey) = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("log-scan-bot", UserRoles.Viewer, "admin", timeout.Token);
            secrets.Add(("API key", apiKey));
            await using (await HubWireClient.ConnectAsync(app.BaseAddress, apiKey: apiKey, cancellationToken: timeout.Token))
            {
            }

            const string madeUpKey = "kb_madeUpKeyThatIsNotValidAtAll0123456789abcdef";
            secrets.Add(("made-up API key", madeUpKey));
            using (var bot = app.CreateClient())
            {
                bot.DefaultRequestHeaders.Add("X-Api-Key", madeUpKey);
                Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync("/hubs/market/negotiate?negotiateVersion=1", null)).StatusCode);
            }

            // The trader places an order.
            await PaperTrading.LastPriceAsync(app, PaperTrading.Reliance, timeout.Token);
            await PaperTrading.FillAsync(app, new ActingUser("kavya", UserRoles.Trader), PaperTrading.Reliance, OrderSide.Buy, 1, timeout.Token);

            secrets.AddRange(CookieValues(adminCookies, "admin's cookie"));
            secrets.AddRange(CookieValues(kavyaCookies, "trader's cookie"));
        }
        finally
        {
            await app.StopKeepingDataAsync();
        }

        var log = string.Join('\n', Directory.GetFiles(Path.Combine(folder, "logs")).Select(File.ReadAllText));
        Directory.Delete(folder, recursive: true);

        // The capture is real: debug events, the sign-in, the enrollment and the order are all there.
        Assert.Contains("[DBG]", log, StringComparison.Ordinal);
        Assert.Contains("Second factor turned on for kavya", log, StringComparison.Ordinal);
        Assert.Contains("RELIANCE-EQ", log, StringComparison.Ordinal);
        Assert.True(secrets.Count > 30, $"Only {secrets.Count} secrets collected.");
        var leaked = secrets.Where(s => s.Value.Length >= 8 && log.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.What).Distinct().ToList();
        Assert.True(leaked.Count == 0, "In the logs: " + string.Join(", ", leaked));
    }

    private static IEnumerable<(string, string)> CookieValues(CookieContainer cookies, string what) =>
        cookies.GetAllCookies().Where(c => c.Value.Length >= 16).Select(c => ($"{what} {c.Name}", c.Value));
}
