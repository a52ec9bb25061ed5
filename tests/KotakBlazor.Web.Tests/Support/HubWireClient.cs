using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KotakBlazor.Web.Tests.Support;

/// <summary>
/// Speaks SignalR's JSON hub protocol over a real WebSocket, as an outside client would
/// (the .NET SignalR client package does not restore here). Messages end with 0x1E.
/// </summary>
public sealed class HubWireClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly Queue<JsonObject> _pending = new();
    private readonly StringBuilder _buffer = new();
    private int _invocationId;

    private HubWireClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public static async Task<HubWireClient> ConnectAsync(Uri baseAddress, string? apiKey = null, CookieContainer? cookies = null, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        if (apiKey is not null)
        {
            socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        }

        if (cookies is not null)
        {
            socket.Options.Cookies = cookies;
        }

        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/market" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        var client = new HubWireClient(socket);
        await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, cancellationToken);
        var handshake = await client.ReceiveAsync(cancellationToken);
        if (handshake["error"] is not null)
        {
            throw new InvalidOperationException("Handshake refused: " + handshake["error"]);
        }

        return client;
    }

    /// <summary>Invokes a hub method and returns its completion message (with "result" or "error").</summary>
    public async Task<JsonObject> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken)
    {
        var id = (++_invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = target,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments),
        };
        await SendRawAsync(message.ToJsonString() + RecordSeparator, cancellationToken);
        return await ReceiveAsync(m => (int?)m["type"] == 3 && (string?)m["invocationId"] == id, cancellationToken);
    }

    public Task SendRawAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The next message matching the filter; pings are skipped, other messages are kept for later calls.</summary>
    public async Task<JsonObject> ReceiveAsync(Func<JsonObject, bool> filter, CancellationToken cancellationToken)
    {
        var skipped = new List<JsonObject>();
        try
        {
            while (true)
            {
                var message = _pending.Count > 0 ? _pending.Dequeue() : await ReadOneAsync(cancellationToken);
                if ((int?)message["type"] == 6)
                {
                    continue;
                }

                if (filter(message))
                {
                    return message;
                }

                skipped.Add(message);
            }
        }
        finally
        {
            foreach (var message in skipped)
            {
                _pending.Enqueue(message);
            }
        }
    }

    /// <summary>Forgets messages received while waiting for something else.</summary>
    public void DiscardPending() => _pending.Clear();

    public Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken) => ReceiveAsync(_ => true, cancellationToken);

    private async Task<JsonObject> ReadOneAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        while (true)
        {
            var text = _buffer.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _buffer.Remove(0, end + 1);
                return JsonNode.Parse(text[..end])!.AsObject();
            }

            var result = await _socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The server closed the connection: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            _buffer.Append(Encoding.UTF8.GetString(chunk, 0, result.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (WebSocketException)
            {
                // Already closing from the other side.
            }
        }

        _socket.Dispose();
    }
}
