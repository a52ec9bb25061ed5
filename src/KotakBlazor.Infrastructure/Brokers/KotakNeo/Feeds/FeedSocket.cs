using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// One websocket connection to a Kotak feed: whole messages in, text frames out. Sends are
/// serialized (subscriptions, heartbeats and the login may come from different threads).
/// </summary>
internal sealed class FeedSocket : IDisposable
{
    // A batched SFeed frame is a few kilobytes; anything near this is not a feed message.
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ArrayBufferWriter<byte> _message = new(16 * 1024);

    public FeedSocket(KotakFeedOptions options)
    {
        _socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        if (options.KeepAliveTimeout > TimeSpan.Zero)
        {
            // Real pings whose pongs must come back in time: a half-open TCP connection is found.
            _socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
        }
    }

    /// <summary>Why the server closed the socket, when it said.</summary>
    public string? CloseReason => _socket.CloseStatus is { } status ? $"closed by the server ({(int)status} {_socket.CloseStatusDescription})" : null;

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => _socket.ConnectAsync(url, cancellationToken);

    public async Task SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next whole message; null when the server closed the socket.</summary>
    /// <exception cref="WebSocketException">The connection broke.</exception>
    /// <exception cref="InvalidDataException">A message was larger than any feed message can be.</exception>
    public async Task<FeedMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _message.ResetWrittenCount();
        while (true)
        {
            var buffer = _message.GetMemory(8192);
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _message.Advance(result.Count);
            if (_message.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException($"A feed message passed {MaxMessageBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return new FeedMessage(result.MessageType, _message.WrittenMemory);
            }
        }
    }

    /// <summary>Cuts the connection at once; a pending receive fails.</summary>
    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        _socket.Dispose();
        _sending.Dispose();
    }
}
