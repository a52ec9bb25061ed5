using System.Net;
using System.Text.RegularExpressions;
using KotakBlazor.Infrastructure.Security;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>The account pages' static forms, posted over real HTTP as a browser posts them (antiforgery token included).</summary>
internal static partial class AccountForms
{
    public const string TwoFactorPage = "/account/two-factor";
    public const string CodePage = "/account/login/two-factor";

    /// <summary>Posts one of a page's forms, with the token from <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, string handler, IDictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = LoopbackApp.AntiforgeryToken(page),
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        return client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Starts enrollment on the two-factor page and returns the secret it shows.</summary>
    public static async Task<string> StartEnrollmentAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(TwoFactorPage);
        var response = await PostAsync(client, TwoFactorPage, page, "start-two-factor");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Secret(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Confirms enrollment with a code and returns the page (with the recovery codes).</summary>
    public static async Task<HttpResponseMessage> ConfirmEnrollmentAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync(TwoFactorPage);
        return await PostAsync(client, TwoFactorPage, page, "confirm-two-factor", new Dictionary<string, string> { ["Confirm.Code"] = code });
    }

    /// <summary>Starts and confirms enrollment; returns the secret and the recovery codes.</summary>
    public static async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(LoopbackApp app, HttpClient client)
    {
        var secret = await StartEnrollmentAsync(client);
        var confirmed = await ConfirmEnrollmentAsync(client, Code(app, secret));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = RecoveryCodes(await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        return (secret, codes);
    }

    /// <summary>Password, then code: the response to the code form (a redirect when it signed in).</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(LoopbackApp app, HttpClient client, string userName, string password, string code)
    {
        var password1 = await app.PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, password1.StatusCode);
        Assert.Equal(CodePage, Location(app, password1).AbsolutePath);
        return await PostCodeAsync(client, code);
    }

    /// <summary>Posts a code on the code page of a sign-in whose password step is done.</summary>
    public static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code)
    {
        var page = await client.GetStringAsync(CodePage + "?ReturnUrl=%2F");
        return await PostAsync(client, CodePage + "?ReturnUrl=%2F", page, "two-factor-login", new Dictionary<string, string> { ["Input.Code"] = code });
    }

    /// <summary>The app's current code for a secret, <paramref name="steps"/> steps ahead (the next step's code is valid and unused).</summary>
    public static string Code(LoopbackApp app, string secret, int steps = 0) =>
        Totp.FromBase32(secret).CodeAt(app.Services.GetRequiredService<TimeProvider>().GetUtcNow() + (Totp.DefaultStep * steps));

    /// <summary>Where a redirect goes, as an absolute address on the app.</summary>
    public static Uri Location(LoopbackApp app, HttpResponseMessage response) => new(app.BaseAddress, response.Headers.Location!);

    public static string Secret(string html)
    {
        var match = SecretPattern().Match(html);
        Assert.True(match.Success, "The page shows no secret.");
        return match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) => [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("id=\"two-factor-secret\"[^>]*>([A-Z2-7 ]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li><code>([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
