using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// Telegram's Bot HTTP API, sendMessage only. The token is part of the URL path, so this client
/// has its own <see cref="HttpClient"/> (no IHttpClientFactory request logging, which would write
/// the URL) and masks the token in every error it returns.
/// </summary>
public sealed class TelegramClient(HttpClient http, TelegramOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A client with its own connection pool and the configured timeout.</summary>
    public static TelegramClient Create(TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        return new TelegramClient(http, options);
    }

    /// <summary>Sends <paramref name="markdownV2"/> (escaped already) to the chat with parse_mode MarkdownV2. Never throws for Telegram's or the network's failures.</summary>
    public async Task<TelegramSendResult> SendMessageAsync(string botToken, string chatId, string markdownV2, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        var url = new Uri($"{options.BaseUrl.TrimEnd('/')}/bot{botToken}/sendMessage");
        var request = new SendMessageRequest(chatId, markdownV2, "MarkdownV2", true);
        try
        {
            using var response = await http.PostAsJsonAsync(url, request, Json, cancellationToken);
            var answer = await ReadAnswerAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && answer?.Ok != false)
            {
                return TelegramSendResult.Sent;
            }

            var code = (int)response.StatusCode;
            var description = Clean(answer?.Description ?? $"HTTP {code} {response.ReasonPhrase}", botToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = answer?.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds)
                    : response.Headers.RetryAfter?.Delta;
                return new TelegramSendResult(TelegramSendOutcome.RetryLater, description, wait);
            }

            return code >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
                ? new TelegramSendResult(TelegramSendOutcome.RetryLater, description)
                : new TelegramSendResult(TelegramSendOutcome.Refused, description);
        }
        catch (HttpRequestException e)
        {
            return new TelegramSendResult(TelegramSendOutcome.RetryLater, Clean("Telegram unreachable: " + e.Message, botToken));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TelegramSendResult(TelegramSendOutcome.RetryLater, string.Create(CultureInfo.InvariantCulture, $"No answer from Telegram within {options.TimeoutSeconds:0} s."));
        }
    }

    private static async Task<TelegramAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TelegramAnswer>(Json, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // A proxy's HTML error page: the status code decides.
            return null;
        }
    }

    // Telegram never echoes the token, but an exception message might carry the URL: mask it anyway.
    private static string Clean(string text, string botToken) => text.Replace(botToken, SecretMask.Mask(botToken), StringComparison.Ordinal);

    private sealed record SendMessageRequest(
        [property: JsonPropertyName("chat_id")] string ChatId,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("parse_mode")] string ParseMode,
        [property: JsonPropertyName("disable_web_page_preview")] bool DisableWebPagePreview);

    private sealed record TelegramAnswer(
        [property: JsonPropertyName("ok")] bool Ok,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("parameters")] TelegramParameters? Parameters);

    private sealed record TelegramParameters([property: JsonPropertyName("retry_after")] int? RetryAfter);
}
