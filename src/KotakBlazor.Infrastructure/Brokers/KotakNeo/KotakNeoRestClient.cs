using System.Text.Json;
using KotakBlazor.Core.Brokers;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Kotak Neo's REST API in our types: orders, reports, portfolio and quotes. Calls are paced (orders and
/// other requests have their own budgets), timed out, and answered with a <see cref="BrokerResult{T}"/>
/// whose error kind says whether the order may exist. A refused session (100022 or HTTP 403) is renewed
/// by one fresh login and the call made once more: the broker did nothing with the refused call, so
/// even a place is safe to repeat; a second refusal fails loudly.
/// </summary>
public sealed partial class KotakNeoRestClient : IDisposable
{
    private readonly KotakHttp _http;
    private readonly KotakNeoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private HttpClient? _ownedHttp;

    /// <summary>Creates the client; <paramref name="http"/> must not have a base address or a timeout of its own that is shorter than the options'.</summary>
    public KotakNeoRestClient(HttpClient http, IKotakCredentialVault vault, KotakNeoOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        options.Validate();
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<KotakNeoRestClient>();
        _http = new KotakHttp(http, options, time, _logger);
        Sessions = new KotakSessionKeeper(new KotakLoginClient(_http, options, time), vault, options, time, loggers.CreateLogger<KotakSessionKeeper>());
    }

    /// <summary>Creates a client with its own HTTP connection pool (connections recycled every few minutes so a moved Kotak host is noticed).</summary>
    public static KotakNeoRestClient Create(IKotakCredentialVault vault, KotakNeoOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // Each call has its own timeout from the options, measured on the TimeProvider.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new KotakNeoRestClient(http, vault, options, time, loggers) { _ownedHttp = http };
    }

    /// <summary>The session: login state, age, login count, and the stream feed clients reconnect on.</summary>
    public KotakSessionKeeper Sessions { get; }

    /// <summary>The order budget (place, modify, cancel per second).</summary>
    public RequestPacer OrderBudget => _http.Orders;

    /// <summary>The budget of every other call.</summary>
    public RequestPacer RequestBudget => _http.Requests;

    /// <summary>The IP address Kotak sees our calls coming from (orders are accepted only from the registered static IP).</summary>
    public async Task<BrokerResult<string>> GetClientIpAsync(CancellationToken cancellationToken)
    {
        var reply = await SendAuthorizedAsync("client ip", (session, token) => new KotakCall("client ip", HttpMethod.Get,
            KotakUrls.Combine(_options.LoginBaseUrl, "login/1.0/get-client-ip"), KotakCallKind.Read)
        {
            Headers = [new("Authorization", token), new("Sid", session.Sid), new("Auth", session.Token), new("neo-fin-key", _options.NeoFinKey)],
        }, cancellationToken);
        if (Refusal(reply, KotakOperation.Read) is { } error)
        {
            return BrokerResult<string>.Fail(error);
        }

        var ip = KotakJson.Rows(reply.Value.Body).Select(static r => KotakJson.Text(r, "ip")).FirstOrDefault(static ip => ip is not null)
            ?? (KotakJson.Data(reply.Value.Body) is { ValueKind: JsonValueKind.Object } one ? KotakJson.Text(one, "ip") : null);
        return ip is null
            ? BrokerResult<string>.Fail(BrokerErrorKind.Malformed, "Kotak Neo answered the client IP call without an IP address.")
            : BrokerResult<string>.Ok(ip);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        Sessions.Dispose();
        _ownedHttp?.Dispose();
    }

    /// <summary>
    /// Sends a call that needs the session, renewing the session once if the broker refuses it. The builder
    /// gets the session and the access token, and is called again for the retry with the new session.
    /// </summary>
    private async Task<BrokerResult<KotakReply>> SendAuthorizedAsync(string name, Func<KotakSession, string, KotakCall> build, CancellationToken cancellationToken)
    {
        var session = await Sessions.GetAsync(cancellationToken);
        if (!session.IsSuccess)
        {
            return BrokerResult<KotakReply>.Fail(session.Error!);
        }

        var reply = await _http.SendAsync(build(session.Value!, Sessions.AccessToken ?? ""), cancellationToken);
        if (reply.Error is not { Kind: BrokerErrorKind.SessionExpired } first)
        {
            return reply;
        }

        _logger.LogWarning("Kotak Neo refused the session on the {Call} call ({Error}); logging in again once", name, first);
        var renewed = await Sessions.RenewAsync(session.Value, cancellationToken);
        if (!renewed.IsSuccess)
        {
            return BrokerResult<KotakReply>.Fail(renewed.Error!);
        }

        var retry = await _http.SendAsync(build(renewed.Value!, Sessions.AccessToken ?? ""), cancellationToken);
        if (retry.Error is { Kind: BrokerErrorKind.SessionExpired } second)
        {
            _logger.LogError("Kotak Neo refused a fresh session on the {Call} call: {Error}", name, second);
            return BrokerResult<KotakReply>.Fail(second with
            {
                Message = $"Kotak Neo refused the session again right after a fresh login ({second.Message}). "
                    + "Nothing was done. Check the credentials, the registered static IP and the machine's clock.",
            });
        }

        return retry;
    }

    /// <summary>The headers of every call made with the trade session.</summary>
    private KeyValuePair<string, string>[] SessionHeaders(KotakSession session) =>
        [new("Auth", session.Token), new("Sid", session.Sid), new("neo-fin-key", _options.NeoFinKey), new("accept", "application/json")];

    /// <summary>
    /// What the answer says beyond its transport: null when it is a success (or Kotak's "No Data", which is an
    /// empty book); otherwise the broker's refusal in its own words, typed by the operation.
    /// </summary>
    private static BrokerError? Refusal(BrokerResult<KotakReply> reply, KotakOperation operation)
    {
        if (!reply.IsSuccess)
        {
            return reply.Error;
        }

        var answer = reply.Value;
        var envelope = Envelope(answer.Body);
        var code = KotakJson.StatusCode(envelope);
        var stat = KotakJson.Text(envelope, "stat");
        // get-client-ip answers stCode 1000 with status "success".
        var fine = answer.IsHttpSuccess && (code is null or KotakErrorCodes.Ok or "1000") && (stat is null || stat.Equals("ok", StringComparison.OrdinalIgnoreCase));
        if (fine || (operation == KotakOperation.Read && code == KotakErrorCodes.NoData))
        {
            return null;
        }

        var words = KotakJson.ErrorMessage(envelope) ?? KotakJson.ErrorMessage(answer.Body) ?? stat ?? $"HTTP {answer.HttpStatus}";
        var kind = code is KotakErrorCodes.NotFoundOrExecuted or KotakErrorCodes.OrderCompleted && operation is KotakOperation.Modify or KotakOperation.Cancel
            ? BrokerErrorKind.NotFound
            : BrokerErrorKind.Refused;
        var help = KotakErrorCodes.Help(code);
        return new BrokerError(kind, help is null ? words : $"{words} ({help})",
            code ?? answer.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The object that carries <c>stat</c>/<c>stCode</c>: the body, or a <c>data</c> wrapper around it (order history).</summary>
    private static JsonElement Envelope(JsonElement body)
    {
        var current = body;
        for (var depth = 0; depth < 3 && current.ValueKind == JsonValueKind.Object; depth++)
        {
            if (current.TryGetProperty("stCode", out _) || current.TryGetProperty("stat", out _))
            {
                return current;
            }

            if (!current.TryGetProperty("data", out var inner) || inner.ValueKind != JsonValueKind.Object)
            {
                break;
            }

            current = inner;
        }

        return body;
    }

    private enum KotakOperation
    {
        Read,
        Place,
        Modify,
        Cancel,
    }
}
