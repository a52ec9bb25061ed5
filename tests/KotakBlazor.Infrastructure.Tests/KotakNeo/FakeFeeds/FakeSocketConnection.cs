using System.Net.WebSockets;
using System.Text;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>One client connected to a fake feed server.</summary>
internal sealed class FakeSocketConnection(int number, WebSocket socket)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>1 for the first connection the server accepted, 2 for the next, ...</summary>
    public int Number { get; } = number;

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] frame) => SendAsync(frame, WebSocketMessageType.Binary);

    /// <summary>Cuts the connection without a close handshake, as a dying network does.</summary>
    public void Drop() => socket.Abort();

    /// <summary>Closes politely with a close frame.</summary>
    public async Task CloseAsync(string reason)
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }

    /// <summary>The next whole message, or null when the client closed or the socket died.</summary>
    public async Task<(WebSocketMessageType Type, byte[] Payload)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return (result.MessageType, message.ToArray());
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return null;
        }
    }

    private async Task SendAsync(byte[] payload, WebSocketMessageType type)
    {
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(payload, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }
}
