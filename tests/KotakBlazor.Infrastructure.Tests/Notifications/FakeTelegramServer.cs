using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Tests.Notifications;

/// <summary>
/// A fake Telegram Bot API on loopback (real HTTP through Kestrel): <c>POST /bot{token}/sendMessage</c>
/// with Telegram's answer shapes. It checks the token and MarkdownV2 like Telegram does (an
/// unescaped reserved character is a 400 "can't parse entities"), and misbehaves on demand:
/// an outage (503), a rate limit (429 with retry_after), a permanent refusal (400).
/// </summary>
internal sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    public const string ChatId = "-1001234567890";

    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly Queue<(int Status, string Description, int? RetryAfter)> _faults = new();
    private WebApplication _app = null!;
    private int _attempts;
    private int _disposed;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Messages Telegram accepted, in order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Every sendMessage call, accepted or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>While true, every call is answered 503 (an outage).</summary>
    public bool Down { get; set; }

    public static async Task<FakeTelegramServer> StartAsync()
    {
        var server = new FakeTelegramServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bot{token}/sendMessage", server.SendMessageAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The next call is answered with <paramref name="status"/> (and retry_after for a 429).</summary>
    public void FailNext(int status, string description, int? retryAfter = null)
    {
        lock (_gate)
        {
            _faults.Enqueue((status, description, retryAfter));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> SendMessageAsync(string token, HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (token != Token)
        {
            return Answer(401, "Unauthorized");
        }

        (int Status, string Description, int? RetryAfter)? fault = null;
        lock (_gate)
        {
            if (_faults.Count > 0)
            {
                fault = _faults.Dequeue();
            }
        }

        if (Down)
        {
            return Answer(503, "Service Unavailable");
        }

        if (fault is { } f)
        {
            return Answer(f.Status, f.Description, f.RetryAfter);
        }

        var chat = body?["chat_id"]?.GetValue<string>();
        var text = body?["text"]?.GetValue<string>() ?? "";
        var parseMode = body?["parse_mode"]?.GetValue<string>();
        if (chat != ChatId)
        {
            return Answer(400, "Bad Request: chat not found");
        }

        if (parseMode == "MarkdownV2" && UnescapedReserved(text) is { } bad)
        {
            return Answer(400, $"Bad Request: can't parse entities: Character '{bad}' is reserved and must be escaped with the preceding '\\'");
        }

        lock (_gate)
        {
            _messages.Add(new ReceivedMessage(chat, text, parseMode));
            return Results.Json(new { ok = true, result = new { message_id = _messages.Count, chat = new { id = long.Parse(chat, System.Globalization.CultureInfo.InvariantCulture) }, text } });
        }
    }

    // Bold markers are the only entity our messages use; every other reserved character must come escaped.
    private static char? UnescapedReserved(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if ("_[]()~`>#+-=|{}.!".Contains(text[i], StringComparison.Ordinal))
            {
                return text[i];
            }
        }

        return null;
    }

    private static IResult Answer(int status, string description, int? retryAfter = null)
    {
        var answer = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            answer["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return Results.Content(answer.ToJsonString(), "application/json", statusCode: status);
    }

    /// <summary>One message as Telegram received it.</summary>
    public sealed record ReceivedMessage(string ChatId, string Text, string? ParseMode)
    {
        /// <summary>The text with MarkdownV2's escapes and bold markers removed: what the chat shows.</summary>
        public string Shown
        {
            get
            {
                var shown = new System.Text.StringBuilder();
                for (var i = 0; i < Text.Length; i++)
                {
                    if (Text[i] == '\\' && i + 1 < Text.Length)
                    {
                        shown.Append(Text[++i]);
                    }
                    else if (Text[i] != '*')
                    {
                        shown.Append(Text[i]);
                    }
                }

                return shown.ToString();
            }
        }
    }
}
