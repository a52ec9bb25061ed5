using System.Net.WebSockets;
using System.Text;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>One whole websocket message. The payload is only valid until the next receive on the same socket.</summary>
internal readonly record struct FeedMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload)
{
    public bool IsText => Type == WebSocketMessageType.Text;

    public string Text => Encoding.UTF8.GetString(Payload.Span);
}
