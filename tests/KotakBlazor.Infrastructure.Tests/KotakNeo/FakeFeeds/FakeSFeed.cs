using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>
/// A fake of Kotak's SFeed market feed: takes the JSON auth frame, answers 1117 (or 1120 for a
/// sid it does not accept), records subscribe and unsubscribe frames, acknowledges them with 1109, and
/// pushes whatever binary frames a test hands it. Fault modes: drop the socket, go silent
/// (before or after answering the login), refuse a sid other than <see cref="AcceptedSid"/>.
/// </summary>
internal sealed class FakeSFeed
{
    private volatile FakeSocketConnection? _current;

    /// <summary>The sid the fake accepts; any other is refused with 1120.</summary>
    public string AcceptedSid { get; set; } = "fake-sid";

    /// <summary>When set, asked at each login for the sid to accept (a fake REST server's current session) instead of <see cref="AcceptedSid"/>.</summary>
    public Func<string?>? CurrentSid { get; set; }

    /// <summary>The auth reply's code: 1117, or 1119 as production was seen to send.</summary>
    public int AuthReplyCode { get; set; } = 1117;

    /// <summary>Stop answering and pushing; the socket stays open.</summary>
    public bool Silent { get; set; }

    /// <summary>Dividers announced in the auth reply, by exchange name.</summary>
    public Dictionary<string, int> Dividers { get; } = new()
    {
        ["nse_cm"] = 100, ["nse_fo"] = 100, ["cde_fo"] = 10_000_000, ["bse_cm"] = 100, ["bse_fo"] = 100, ["mcx_fo"] = 100,
    };

    public EventLog<FakeSocketConnection> Connections { get; } = new();

    /// <summary>Auth frames, one per connection, as parsed JSON.</summary>
    public EventLog<JsonObject> AuthFrames { get; } = new();

    /// <summary>Every text frame after the auth frame: (connection number, raw text).</summary>
    public EventLog<(int Connection, string Text)> ControlFrames { get; } = new();

    public FakeSocketConnection Current => _current ?? throw new InvalidOperationException("No client is connected.");

    public Task PushAsync(byte[] frame) => Current.SendBinaryAsync(frame);

    public Task PushTextAsync(string text) => Current.SendTextAsync(text);

    /// <summary>The tokens subscribed on one connection with one event, in order, duplicates kept.</summary>
    public IReadOnlyList<string> Tokens(int connection, string eventName) =>
        ControlFrames.Items
            .Where(f => f.Connection == connection)
            .Select(f => JsonNode.Parse(f.Text)!.AsObject())
            .Where(o => (string?)o["event"] == eventName)
            .SelectMany(o => ((string?)o["inputtoken"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

    internal async Task HandleAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var connection = new FakeSocketConnection(Connections.Count + 1, socket);
        _current = connection;
        Connections.Add(connection);
        var first = await connection.ReceiveAsync(cancellationToken);
        if (first is not { Type: WebSocketMessageType.Text } auth)
        {
            return;
        }

        var authFrame = JsonNode.Parse(auth.Payload)!.AsObject();
        AuthFrames.Add(authFrame);
        if ((string?)authFrame["auth"] != (CurrentSid is { } current ? current() : AcceptedSid))
        {
            await connection.SendTextAsync("""{"message_code":1120,"message":"Auth failed: invalid session"}""");
            await connection.CloseAsync("auth failed");
            return;
        }

        if (!Silent)
        {
            await connection.SendTextAsync(AuthReply());
        }

        while (await connection.ReceiveAsync(cancellationToken) is { } frame)
        {
            var text = Encoding.UTF8.GetString(frame.Payload);
            ControlFrames.Add((connection.Number, text));
            if (!Silent && JsonNode.Parse(text)?["ack_symbol"] is JsonValue ack && ack.GetValue<bool>())
            {
                await connection.SendTextAsync("""{"message_code":1109,"message":"Subscribed","trading_symbols":{}}""");
            }
        }
    }

    private string AuthReply()
    {
        var exchanges = new JsonObject();
        foreach (var (name, divider) in Dividers)
        {
            exchanges[name] = new JsonObject { ["divider"] = divider };
        }

        return new JsonObject
        {
            ["message_code"] = AuthReplyCode,
            ["id"] = "fake-instance",
            ["format"] = "native_batch",
            ["exchanges"] = exchanges,
        }.ToJsonString();
    }
}
