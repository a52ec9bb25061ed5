using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>HSI's side of the connection loop: handshake, heartbeats and pushed messages.</summary>
public sealed partial class KotakOrderFeed
{
    private async Task<FeedHandshake> HandshakeAsync(FeedSocket socket, KotakFeedCredentials credentials, CancellationToken cancellationToken)
    {
        // The server pushes every order's state again after a reconnect: start from a clean slate.
        _known.Clear();
        await socket.SendTextAsync(Handshake(credentials, _options.Source), cancellationToken);
        while (await socket.ReceiveAsync(cancellationToken) is { } message)
        {
            if (!message.IsText || Parse(message) is not { } document)
            {
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("ak", out var ack) && ack.ValueKind == JsonValueKind.String)
                {
                    var words = root.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null;
                    return string.Equals(ack.GetString(), "ok", StringComparison.OrdinalIgnoreCase)
                        ? FeedHandshake.Accepted
                        : FeedHandshake.Refused(words ?? "handshake refused (ak:nk)");
                }

                // An update before the acknowledgement still proves the login worked.
                if (Dispatch(root))
                {
                    return FeedHandshake.Accepted;
                }
            }
        }

        return FeedHandshake.Failed(socket.CloseReason ?? "the order feed closed the socket before acknowledging the handshake");
    }

    private Task OnConnectedAsync(FeedSocket socket)
    {
        // Armed here, disposed in OnDisconnected: the heartbeat lives exactly as long as its socket.
        _heartbeatStop = new CancellationTokenSource();
        _heartbeatTimer = new PeriodicTimer(_options.HeartbeatInterval, _timeProvider);
        _ = SendHeartbeatsAsync(socket, _heartbeatTimer, _heartbeatStop.Token);
        return Task.CompletedTask;
    }

    private ValueTask OnMessageAsync(FeedMessage message)
    {
        if (message.IsText && Parse(message) is { } document)
        {
            using (document)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("ak", out var ack) && string.Equals(ack.ToString(), "nk", StringComparison.OrdinalIgnoreCase))
                {
                    LogRequestRefused(root.GetRawText());
                }
                else
                {
                    Dispatch(root);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private void OnDisconnected()
    {
        _heartbeatStop?.Cancel();
        _heartbeatTimer?.Dispose();
        _heartbeatStop?.Dispose();
        _heartbeatStop = null;
        _heartbeatTimer = null;
    }

    /// <summary>Publishes an order or position update; false for anything else.</summary>
    private bool Dispatch(JsonElement root)
    {
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            if (type is not ("cn" or "hb"))
            {
                LogIgnored(Shorten(root.GetRawText()));
            }

            return false;
        }

        var now = _timeProvider.GetUtcNow();
        switch (type)
        {
            case "order":
                OnOrder(KotakMessageFields.From(data), now);
                return true;
            case "position":
                Positions.Publish(KotakOrderUpdateReader.ReadPosition(KotakMessageFields.From(data), now));
                return true;
            default:
                LogIgnored(Shorten(root.GetRawText()));
                return false;
        }
    }

    private void OnOrder(KotakMessageFields update, DateTimeOffset now)
    {
        var orderNumber = update.Text("nOrdNo");
        if (orderNumber is null)
        {
            LogIgnored("an order update without nOrdNo");
            return;
        }

        if (_known.TryGetValue(orderNumber, out var known))
        {
            known.MergeFrom(update);
        }
        else
        {
            known = update;
            _known[orderNumber] = known;
        }

        if (KotakOrderUpdateReader.TryReadOrder(known, now, out var order, out var missing))
        {
            if (order.Status is Core.Orders.OrderStatus.Filled or Core.Orders.OrderStatus.Rejected or Core.Orders.OrderStatus.Cancelled)
            {
                _known.Remove(orderNumber);
            }

            LogOrderUpdate(order.BrokerOrderId, order.BrokerStatus, order.Status);
            Orders.Publish(order);
            return;
        }

        LogOrderIncomplete(orderNumber, string.Join(", ", missing));
        IncompleteOrders.Publish(new KotakIncompleteOrderUpdate(orderNumber, known.Text("ordSt"), missing));
    }

    private static JsonDocument? Parse(FeedMessage message)
    {
        try
        {
            var document = JsonDocument.Parse(message.Payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];

    private sealed class Protocol(KotakOrderFeed feed) : IFeedProtocol
    {
        public Uri ResolveUrl(KotakFeedCredentials credentials) => feed.ResolveUrl(credentials);

        public Task<FeedHandshake> HandshakeAsync(FeedSocket socket, KotakFeedCredentials credentials, CancellationToken cancellationToken) =>
            feed.HandshakeAsync(socket, credentials, cancellationToken);

        public Task OnConnectedAsync(FeedSocket socket, CancellationToken cancellationToken) => feed.OnConnectedAsync(socket);

        public ValueTask OnMessageAsync(FeedMessage message, CancellationToken cancellationToken) => feed.OnMessageAsync(message);

        public void OnConnectionChanged(bool connected, string reason)
        {
            // The order feed has no sink: its status and alarms carry the connection.
        }

        public void OnDisconnected() => feed.OnDisconnected();
    }
}
