using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KotakBlazor.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>tradeApiLogin, tradeApiValidate and get-client-ip, checking headers, the TOTP (same secret, one step of drift) and the MPIN.</summary>
internal sealed partial class FakeKotakServer
{
    private string? _viewToken;
    private string? _viewSid;
    private string? _tradeToken;
    private string? _tradeSid;
    private int _sessionNumber;

    /// <summary>Successful logins (validate steps) so far.</summary>
    public int LoginCount { get; private set; }

    /// <summary>The trade token in force; null before a login or after <see cref="ExpireSession"/>.</summary>
    public string? TradeToken => _tradeToken;

    /// <summary>The trade sid in force (the order feed's handshake and the market feed's auth carry it).</summary>
    public string? TradeSid => _tradeSid;

    /// <summary>The trade session ends: the next call made with it gets 100022 (or 403), until a new login.</summary>
    public void ExpireSession() => (_tradeToken, _tradeSid) = (null, null);

    /// <summary>The websocket URL the validate step names as <c>feedUrl</c>.</summary>
    public Uri FeedUrl => new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/feed" }.Uri;

    /// <summary>The websocket URL the validate step names as <c>rtUrl</c>.</summary>
    public Uri OrderFeedUrl => new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/realtime" }.Uri;

    /// <summary>Whether a call carries the trade session (<c>Auth</c> and <c>Sid</c>).</summary>
    internal bool HasSession(HttpContext context) =>
        _tradeToken is not null && Header(context, "Auth") == _tradeToken && Header(context, "Sid") == _tradeSid;

    /// <summary>The answer to a call without a valid session.</summary>
    internal Task RefuseSessionAsync(HttpContext context) =>
        WriteAsync(context, SessionErrorsAsHttp403 ? 403 : 200, new JsonObject { ["stCode"] = 100022, ["errMsg"] = "invalid session token", ["stat"] = "Not_Ok" });

    internal static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private void MapLoginRoutes(WebApplication app)
    {
        app.MapPost("/login/1.0/tradeApiLogin", LoginAsync);
        app.MapPost("/login/1.0/tradeApiValidate", ValidateAsync);
        app.MapGet("/login/1.0/get-client-ip", async context =>
        {
            if (Header(context, "Authorization") != Account.AccessToken || !HasSession(context))
            {
                await RefuseSessionAsync(context);
                return;
            }

            await WriteAsync(context, 200, new JsonObject
            {
                ["data"] = new JsonArray(new JsonObject { ["ip"] = context.Connection.RemoteIpAddress?.ToString(), ["time"] = Exchange.IstNow().ToString("O", CultureInfo.InvariantCulture) }),
                ["stCode"] = 1000,
                ["status"] = "success",
            });
        });
    }

    private async Task LoginAsync(HttpContext context)
    {
        if (await RequiredHeadersMissingAsync(context, "Authorization", "neo-fin-key") || !await IsJsonAsync(context))
        {
            return;
        }

        var body = await ReadJsonAsync(context);
        foreach (var (field, name) in new[] { ("mobileNumber", "MobileNumber"), ("ucc", "Ucc"), ("totp", "Totp") })
        {
            if (Field(body, field) is null)
            {
                await WriteAsync(context, 400, new JsonObject { ["error"] = new JsonArray(new JsonObject { ["code"] = "400", ["message"] = $"Missing required field '{name}'" }) });
                return;
            }
        }

        var totpValid = Totp.FromBase32(Account.TotpSecret).Verify(Field(body, "totp")!, Time.GetUtcNow());
        if (Header(context, "Authorization") != Account.AccessToken || Header(context, "neo-fin-key") != "neotradeapi"
            || Field(body, "mobileNumber") != Account.MobileNumber || Field(body, "ucc") != Account.Ucc || !totpValid)
        {
            await RefuseLoginAsync(context, "Invalid credentials or TOTP.");
            return;
        }

        var n = Interlocked.Increment(ref _sessionNumber);
        (_viewToken, _viewSid) = ($"view-jwt-{n}-{Guid.NewGuid():N}", $"view-sid-{n}");
        await WriteAsync(context, 200, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["token"] = _viewToken, ["sid"] = _viewSid, ["rid"] = $"rid-{n}", ["isUserPwdExpired"] = false, ["ucc"] = Account.Ucc,
                ["greetingName"] = "FAKE TRADER", ["isTrialAccount"] = false, ["dataCenter"] = "E43", ["kType"] = "View", ["status"] = "success",
            },
        });
    }

    private async Task ValidateAsync(HttpContext context)
    {
        if (await RequiredHeadersMissingAsync(context, "Authorization", "neo-fin-key", "sid", "Auth"))
        {
            return;
        }

        if (_viewToken is null || Header(context, "Auth") != _viewToken || Header(context, "sid") != _viewSid || Header(context, "Authorization") != Account.AccessToken)
        {
            await RefuseLoginAsync(context, "Invalid session. Please login again.");
            return;
        }

        var body = await ReadJsonAsync(context);
        if (Field(body, "mpin") != Account.Mpin)
        {
            await RefuseLoginAsync(context, "Invalid MPIN. Please try again.");
            return;
        }

        var n = Interlocked.Increment(ref _sessionNumber);
        (_tradeToken, _tradeSid, _viewToken, _viewSid) = ($"trade-jwt-{n}-{Guid.NewGuid():N}", $"trade-sid-{n}", null, null);
        LoginCount++;
        await WriteAsync(context, 200, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["token"] = _tradeToken, ["sid"] = _tradeSid, ["rid"] = $"rid-{n}", ["baseUrl"] = BaseUrl.AbsoluteUri.TrimEnd('/'), ["isUserPwdExpired"] = false,
                ["ucc"] = Account.Ucc, ["greetingName"] = "FAKE TRADER", ["dataCenter"] = "E43", ["hsServerId"] = "", ["kType"] = "Trade", ["status"] = "success",
                ["feedUrl"] = FeedUrl.AbsoluteUri, ["rtUrl"] = OrderFeedUrl.AbsoluteUri,
            },
        });
    }

    private Task RefuseLoginAsync(HttpContext context, string message) =>
        WriteAsync(context, LoginErrorsAsHttp200 ? 200 : 401, new JsonObject { ["status"] = "error", ["message"] = message, ["errorCode"] = "401" });

    private static async Task<bool> RequiredHeadersMissingAsync(HttpContext context, params string[] names)
    {
        if (names.All(n => Header(context, n) is not null))
        {
            return false;
        }

        await WriteAsync(context, 400, new JsonObject { ["error"] = new JsonArray(new JsonObject { ["code"] = "10512", ["message"] = "Required header not found." }) });
        return true;
    }

    private static async Task<bool> IsJsonAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        await WriteAsync(context, 400, new JsonObject { ["error"] = new JsonArray(new JsonObject { ["code"] = "400", ["message"] = "Content-Type must be application/json" }) });
        return false;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
