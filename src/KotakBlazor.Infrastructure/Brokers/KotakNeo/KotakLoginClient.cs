using System.Text.Json;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// The two-step Kotak Neo login: tradeApiLogin (access token, mobile number, UCC, TOTP) gives a view
/// token and sid; tradeApiValidate (MPIN) turns them into the trade session and names the account's
/// hosts. A 2xx without <c>data</c> is a refusal, reported in the broker's own words.
/// </summary>
internal sealed class KotakLoginClient(KotakHttp http, KotakNeoOptions options, TimeProvider time)
{
    public const string LoginPath = "login/1.0/tradeApiLogin";
    public const string ValidatePath = "login/1.0/tradeApiValidate";

    public async Task<BrokerResult<KotakSession>> LoginAsync(KotakCredentials credentials, CancellationToken cancellationToken)
    {
        string totp;
        try
        {
            totp = Totp.FromBase32(credentials.TotpSecret).CurrentCode(time);
        }
        catch (FormatException e)
        {
            return BrokerResult<KotakSession>.Fail(BrokerErrorKind.Refused, "The stored TOTP secret cannot be used: " + e.Message);
        }

        var view = await StepAsync("tradeApiLogin", "TOTP step", LoginPath,
            [new("Authorization", credentials.AccessToken), new("neo-fin-key", options.NeoFinKey)],
            KotakJData.Write(("mobileNumber", credentials.MobileNumberForLogin), ("ucc", credentials.Ucc.Trim()), ("totp", totp)),
            cancellationToken);
        if (!view.IsSuccess)
        {
            return BrokerResult<KotakSession>.Fail(view.Error!);
        }

        var viewToken = KotakJson.Text(view.Value, "token");
        var viewSid = KotakJson.Text(view.Value, "sid");
        if (viewToken is null || viewSid is null)
        {
            return BrokerResult<KotakSession>.Fail(BrokerErrorKind.Malformed, "Kotak Neo accepted the TOTP step but sent no view token or sid.");
        }

        var trade = await StepAsync("tradeApiValidate", "MPIN step", ValidatePath,
            [new("Authorization", credentials.AccessToken), new("neo-fin-key", options.NeoFinKey), new("sid", viewSid), new("Auth", viewToken)],
            KotakJData.Write(("mpin", credentials.Mpin.Trim())),
            cancellationToken);
        if (!trade.IsSuccess)
        {
            return BrokerResult<KotakSession>.Fail(trade.Error!);
        }

        var data = trade.Value;
        var token = KotakJson.Text(data, "token");
        var sid = KotakJson.Text(data, "sid");
        var baseUrl = options.BaseUrlOverride ?? ToUri(KotakJson.Text(data, "baseUrl"));
        if (token is null || sid is null || baseUrl is null)
        {
            return BrokerResult<KotakSession>.Fail(BrokerErrorKind.Malformed, "Kotak Neo accepted the MPIN but sent no trade token, sid or baseUrl.");
        }

        return BrokerResult<KotakSession>.Ok(new KotakSession(
            token,
            sid,
            baseUrl,
            options.FeedUrlOverride ?? ToUri(KotakJson.Text(data, "feedUrl")),
            options.OrderFeedUrlOverride ?? ToUri(KotakJson.Text(data, "rtUrl")),
            KotakJson.Text(data, "dataCenter"),
            KotakJson.Text(data, "hsServerId"),
            time.GetUtcNow()));
    }

    private async Task<BrokerResult<JsonElement>> StepAsync(string name, string step, string path, IReadOnlyList<KeyValuePair<string, string>> headers, string body,
        CancellationToken cancellationToken)
    {
        var call = new KotakCall(name, HttpMethod.Post, KotakUrls.Combine(options.LoginBaseUrl, path), KotakCallKind.Login) { Headers = headers, Json = body };
        var reply = await http.SendAsync(call, cancellationToken);
        if (!reply.IsSuccess)
        {
            var error = reply.Error!;
            return BrokerResult<JsonElement>.Fail(error with { Message = $"Kotak Neo login ({step}): {error.Message}" });
        }

        var answer = reply.Value;
        var data = KotakJson.Data(answer.Body);
        var status = data is { ValueKind: JsonValueKind.Object } d ? KotakJson.Text(d, "status") : null;
        if (answer.IsHttpSuccess && data is { ValueKind: JsonValueKind.Object } ok && !string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase))
        {
            return BrokerResult<JsonElement>.Ok(ok);
        }

        // Refused, whatever the HTTP status: a 2xx can carry {"status":"error","message":...} without data.
        var words = KotakJson.ErrorMessage(answer.Body) ?? (data is { } failed ? KotakJson.ErrorMessage(failed) : null);
        var code = KotakJson.StatusCode(answer.Body) ?? answer.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return words is null
            ? BrokerResult<JsonElement>.Fail(BrokerErrorKind.Malformed, $"Kotak Neo login ({step}) answered HTTP {answer.HttpStatus} without data or an error message.", code)
            : BrokerResult<JsonElement>.Fail(BrokerErrorKind.Refused, $"Kotak Neo refused the login ({step}): {words}", code);
    }

    private static Uri? ToUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
