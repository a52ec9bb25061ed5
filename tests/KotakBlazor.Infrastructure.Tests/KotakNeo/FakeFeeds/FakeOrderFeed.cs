using System.Net.WebSockets;
using System.Text;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>
/// A fake of Kotak's HSI order feed at <c>/realtime</c>: takes the raw handshake string, answers
/// <c>ak:ok</c> (or <c>ak:nk</c> for a wrong token), records heartbeats with the test clock's
/// time, and pushes order and position messages. Fault modes: drop the socket, go silent.
/// </summary>
internal sealed class FakeOrderFeed
{
    private volatile FakeSocketConnection? _current;

    public string AcceptedToken { get; set; } = "fake-trade-token";

    public string AcceptedSid { get; set; } = "fake-sid";

    /// <summary>When set, asked at each handshake for the token and sid to accept (a fake REST server's current session).</summary>
    public Func<(string? Token, string? Sid)>? CurrentSession { get; set; }

    /// <summary>Stop answering; the socket stays open.</summary>
    public bool Silent { get; set; }

    /// <summary>Stamps received frames; the test's manual clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public EventLog<FakeSocketConnection> Connections { get; } = new();

    /// <summary>Every text frame received: (connection number, text, clock time).</summary>
    public EventLog<(int Connection, string Text, DateTimeOffset At)> Frames { get; } = new();

    public FakeSocketConnection Current => _current ?? throw new InvalidOperationException("No client is connected.");

    public Task PushAsync(string json) => Current.SendTextAsync(json);

    public IReadOnlyList<DateTimeOffset> Heartbeats(int connection) =>
        Frames.Items.Where(f => f.Connection == connection && f.Text == "{type:hb}").Select(f => f.At).ToList();

    internal async Task HandleAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var connection = new FakeSocketConnection(Connections.Count + 1, socket);
        _current = connection;
        Connections.Add(connection);
        var handshakeAnswered = false;
        while (await connection.ReceiveAsync(cancellationToken) is { } frame)
        {
            var text = Encoding.UTF8.GetString(frame.Payload);
            Frames.Add((connection.Number, text, Clock.GetUtcNow()));
            if (handshakeAnswered || Silent)
            {
                continue;
            }

            handshakeAnswered = true;
            var (token, sid) = CurrentSession is { } current ? current() : (AcceptedToken, AcceptedSid);
            if (token is not null && text == $"{{type:cn,Authorization:{token},Sid:{sid},src:WEB}}")
            {
                await connection.SendTextAsync("""{"ak":"ok","type":"cn","task":"cn","msg":"connected"}""");
            }
            else
            {
                await connection.SendTextAsync("""{"ak":"nk","type":"cn","task":"cn","msg":"Authentication Failed"}""");
            }
        }
    }
}
