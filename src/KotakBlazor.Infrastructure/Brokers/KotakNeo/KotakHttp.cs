using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KotakBlazor.Core.Brokers;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Sends calls to Kotak: paces them, times them out, retries reads, and turns transport failures and
/// HTTP statuses into <see cref="BrokerErrorKind"/>s by what they mean for the order. What a JSON answer
/// says (a business error in a 200) is left to the caller, who knows the operation. Never logs headers or
/// bodies: they carry tokens.
/// </summary>
internal sealed class KotakHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly KotakNeoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public KotakHttp(HttpClient http, KotakNeoOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        Orders = new RequestPacer(options.OrdersPerSecond, time);
        Requests = new RequestPacer(options.RequestsPerSecond, time);
    }

    public RequestPacer Orders { get; }

    public RequestPacer Requests { get; }

    public async Task<BrokerResult<KotakReply>> SendAsync(KotakCall call, CancellationToken cancellationToken)
    {
        var attempts = call.Kind == KotakCallKind.Read ? 1 + _options.ReadRetries : 1;
        BrokerError? last = null;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(_options.ReadRetryDelay * Math.Pow(2, attempt - 1), _time, cancellationToken);
            }

            await (call.Kind == KotakCallKind.Order ? Orders : Requests).WaitTurnAsync(cancellationToken);
            var (result, transient) = await SendOnceAsync(call, cancellationToken);
            if (!transient || attempt == attempts - 1)
            {
                return result;
            }

            last = result.Error;
            _logger.LogWarning("Kotak Neo {Call} failed ({Error}); trying again ({Attempt} of {Retries})", call.Name, last, attempt + 1, attempts - 1);
        }

        return BrokerResult<KotakReply>.Fail(last!);
    }

    public void Dispose()
    {
        Orders.Dispose();
        Requests.Dispose();
    }

    private async Task<(BrokerResult<KotakReply> Result, bool Transient)> SendOnceAsync(KotakCall call, CancellationToken cancellationToken)
    {
        var limit = call.Kind == KotakCallKind.Login ? _options.LoginTimeout : _options.RequestTimeout;
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = Build(call);
        var started = Stopwatch.GetTimestamp();
        int status;
        string text;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(BrokerErrorKind.Unknown, $"Kotak Neo did not answer the {call.Name} call within {limit.TotalSeconds:0.#} s{MayHaveTakenEffect(call)}", null, call.Kind == KotakCallKind.Read);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            // The request never left: no connection, no name, no TLS.
            return Failed(BrokerErrorKind.Unreachable, $"Kotak Neo cannot be reached for the {call.Name} call ({call.Url.Host}): {e.Message}", null, call.Kind == KotakCallKind.Read);
        }
        catch (HttpRequestException e)
        {
            return Failed(BrokerErrorKind.Unknown, $"The connection to Kotak Neo broke during the {call.Name} call ({e.Message}){MayHaveTakenEffect(call)}", null, call.Kind == KotakCallKind.Read);
        }

        _logger.LogDebug("Kotak Neo {Call}: HTTP {Status} in {Elapsed:0} ms", call.Name, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Classify(call, status, text);
    }

    private static (BrokerResult<KotakReply>, bool) Classify(KotakCall call, int status, string text)
    {
        JsonElement? body = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                using var document = JsonDocument.Parse(text);
                body = document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            body = null;
        }

        var message = body is { } b ? KotakJson.ErrorMessage(b) : null;
        var code = body is { } c ? KotakJson.StatusCode(c) : null;
        if (status == (int)HttpStatusCode.TooManyRequests)
        {
            return Failed(BrokerErrorKind.RateLimited, $"Kotak Neo asked us to slow down (HTTP 429) on the {call.Name} call: {message ?? "rate limit exceeded"}. Nothing was done.", "429", false);
        }

        if (status >= 500)
        {
            var words = message ?? $"HTTP {status}";
            return Failed(BrokerErrorKind.Unknown, $"Kotak Neo failed on the {call.Name} call (HTTP {status}): {words}{MayHaveTakenEffect(call)}",
                code ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Kind == KotakCallKind.Read);
        }

        if (body is null)
        {
            var excerpt = call.Kind == KotakCallKind.Login ? "" : ": " + Excerpt(text);
            return Failed(BrokerErrorKind.Malformed, $"Kotak Neo answered the {call.Name} call (HTTP {status}) with something that is not JSON{excerpt}{MayHaveTakenEffect(call)}",
                status.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
        }

        if (call.Kind != KotakCallKind.Login && IsSessionRefusal(status, code))
        {
            return Failed(BrokerErrorKind.SessionExpired, $"Kotak Neo refused the session: {message ?? $"HTTP {status}"}", code ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
        }

        return (BrokerResult<KotakReply>.Ok(new KotakReply(status, body.Value)), false);
    }

    private static bool IsSessionRefusal(int status, string? code) =>
        code == KotakErrorCodes.InvalidSession
        || (status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden && !KotakErrorCodes.IsStaticIpRefusal(code));

    private HttpRequestMessage Build(KotakCall call)
    {
        var request = new HttpRequestMessage(call.Method, call.Url);
        foreach (var (name, value) in call.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (call.JData is not null)
        {
            request.Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jData", call.JData)]);
        }
        else if (call.Json is not null)
        {
            request.Content = new StringContent(call.Json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private static string MayHaveTakenEffect(KotakCall call) =>
        call.Kind == KotakCallKind.Order ? ". The request may have reached the broker: look the order up (by its tag) before sending it again." : ".";

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 120 ? $"\"{flat}\"" : $"\"{flat[..120]}...\"";
    }

    private static (BrokerResult<KotakReply>, bool) Failed(BrokerErrorKind kind, string message, string? code, bool transient) =>
        (BrokerResult<KotakReply>.Fail(kind, message, code), transient);
}
