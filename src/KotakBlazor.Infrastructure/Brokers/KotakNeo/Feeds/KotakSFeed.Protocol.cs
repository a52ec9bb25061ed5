using System.Net.WebSockets;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>SFeed's side of the connection loop: login, re-subscription and frame decoding.</summary>
public sealed partial class KotakSFeed
{
    private SFeedDividers _dividers = SFeedDividers.Defaults;

    private Uri ResolveUrl(KotakFeedCredentials credentials)
    {
        if (!string.IsNullOrWhiteSpace(_options.FeedUrl))
        {
            return FeedUrls.ToWebSocket(new Uri(_options.FeedUrl, UriKind.Absolute));
        }

        return credentials.FeedUrl is { } feedUrl
            ? FeedUrls.ToWebSocket(feedUrl)
            : throw new InvalidOperationException("Login gave no feedUrl; set Kotak:MarketFeed:FeedUrl.");
    }

    private async Task<FeedHandshake> HandshakeAsync(FeedSocket socket, KotakFeedCredentials credentials, CancellationToken cancellationToken)
    {
        await socket.SendTextAsync(SFeedControlFrames.Authenticate(credentials, _options.Source), cancellationToken);
        while (await socket.ReceiveAsync(cancellationToken) is { } message)
        {
            if (!message.IsText || SFeedControlMessage.TryParse(message.Payload.Span) is not { } control)
            {
                continue;
            }

            if (control.Code == SFeedControlMessage.AuthFailed)
            {
                return FeedHandshake.Refused(control.Message ?? "authentication failed (1120)");
            }

            if (control.IsAuthReply)
            {
                // native_fallback is a different binary layout this decoder does not read.
                if (control.Format is { } format && !format.Equals("native_batch", StringComparison.OrdinalIgnoreCase))
                {
                    return FeedHandshake.Failed($"the feed offered format '{format}', not native_batch");
                }

                _dividers = control.Dividers ?? SFeedDividers.Defaults;
                return FeedHandshake.Accepted;
            }
        }

        return FeedHandshake.Failed(socket.CloseReason ?? "the feed closed the socket before answering the login");
    }

    private async Task OnConnectedAsync(FeedSocket socket, CancellationToken cancellationToken)
    {
        await _subscriptionGate.WaitAsync(cancellationToken);
        try
        {
            // The server forgets subscriptions when a socket closes: send them all again.
            _socket = socket;
            foreach (var channel in Enum.GetValues<SFeedChannel>())
            {
                InstrumentId[] instruments;
                lock (_setsGate)
                {
                    instruments = [.. _subscriptions[channel]];
                }

                if (instruments.Length > 0)
                {
                    await SendBatchesAsync(socket, channel, instruments, subscribe: true, cancellationToken);
                }
            }
        }
        finally
        {
            _subscriptionGate.Release();
        }
    }

    private async ValueTask OnMessageAsync(FeedMessage message, CancellationToken cancellationToken)
    {
        if (message.Type == WebSocketMessageType.Text)
        {
            OnControl(message);
            return;
        }

        var collector = new TickCollector(this, _timeProvider.GetUtcNow());
        var summary = SFeedFrameReader.Read(message.Payload.Span, _dividers, collector);
        if (summary.TrailingBytes > 0)
        {
            LogTrailingBytes(summary.TrailingBytes, message.Payload.Length);
        }

        foreach (var tick in collector.Ticks)
        {
            await _sink!.WriteAsync(tick, cancellationToken);
        }
    }

    private void OnControl(FeedMessage message)
    {
        var control = SFeedControlMessage.TryParse(message.Payload.Span);
        switch (control?.Code)
        {
            case SFeedControlMessage.SubscribeAck:
                LogSubscribeAcknowledged(control.Message);
                break;
            case SFeedControlMessage.AuthFailed:
                LogAuthFailedLater(control.Message);
                break;
            default:
                LogControlIgnored(message.Text.Length > 200 ? message.Text[..200] : message.Text);
                break;
        }
    }

    private sealed class Protocol(KotakSFeed feed) : IFeedProtocol
    {
        public Uri ResolveUrl(KotakFeedCredentials credentials) => feed.ResolveUrl(credentials);

        public Task<FeedHandshake> HandshakeAsync(FeedSocket socket, KotakFeedCredentials credentials, CancellationToken cancellationToken) =>
            feed.HandshakeAsync(socket, credentials, cancellationToken);

        public Task OnConnectedAsync(FeedSocket socket, CancellationToken cancellationToken) => feed.OnConnectedAsync(socket, cancellationToken);

        public ValueTask OnMessageAsync(FeedMessage message, CancellationToken cancellationToken) => feed.OnMessageAsync(message, cancellationToken);

        public void OnConnectionChanged(bool connected, string reason) => feed._sink?.ReportConnection(connected, reason);

        public void OnDisconnected() => feed._socket = null;
    }

    /// <summary>Collects one frame's ticks: the reader works on a span, which cannot cross the awaits of the sink.</summary>
    private sealed class TickCollector(KotakSFeed feed, DateTimeOffset receivedAt) : ISFeedPacketHandler
    {
        public List<Tick> Ticks { get; } = [];

        public void OnIndex(in SFeedIndexPacket packet)
        {
            if (Instrument(packet.Header, packet.Token) is { } id)
            {
                Ticks.Add(SFeedTicks.FromIndex(packet, id, receivedAt));
            }
        }

        public void OnTouchline(in SFeedTouchlinePacket packet)
        {
            if (Instrument(packet.Header, packet.Token) is { } id)
            {
                Ticks.Add(SFeedTicks.FromTouchline(packet, id, receivedAt));
            }
        }

        public void OnMarketPicture(in SFeedMarketPicturePacket packet)
        {
            if (Instrument(packet.Header, packet.Token) is { } id)
            {
                Ticks.Add(SFeedTicks.FromPicture(packet, id, receivedAt));
            }
        }

        public void OnMarketStatus(in SFeedMarketStatusPacket packet) => feed.LogMarketStatus(packet.Header.ExchangeId, packet.StatusCode, packet.Status);

        public void OnSkipped(in SFeedPacketHeader header, bool malformed, string reason) => feed.ReportSkipped(header, malformed, reason);

        private InstrumentId? Instrument(in SFeedPacketHeader header, uint token)
        {
            if (SFeedTicks.TryInstrument(header, token, out var id))
            {
                return id;
            }

            feed.ReportSkipped(header, false, $"exchange {header.ExchangeId} or token {token} is not one we model");
            return null;
        }
    }
}
