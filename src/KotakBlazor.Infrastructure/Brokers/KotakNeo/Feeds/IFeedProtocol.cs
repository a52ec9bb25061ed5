namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>What differs between SFeed and HSI inside the shared <see cref="FeedConnectionLoop"/>.</summary>
internal interface IFeedProtocol
{
    /// <summary>Where to connect with these credentials; throws <see cref="InvalidOperationException"/> when login gave no URL.</summary>
    Uri ResolveUrl(KotakFeedCredentials credentials);

    /// <summary>Sends the login frame and reads the server's answer.</summary>
    Task<FeedHandshake> HandshakeAsync(FeedSocket socket, KotakFeedCredentials credentials, CancellationToken cancellationToken);

    /// <summary>The login was accepted: re-subscribe, start heartbeats.</summary>
    Task OnConnectedAsync(FeedSocket socket, CancellationToken cancellationToken);

    /// <summary>A message arrived on a logged-in socket. Must not throw on bad data.</summary>
    ValueTask OnMessageAsync(FeedMessage message, CancellationToken cancellationToken);

    /// <summary>The connection went up or down, with a reason for people.</summary>
    void OnConnectionChanged(bool connected, string reason);

    /// <summary>The socket is gone: stop anything tied to it.</summary>
    void OnDisconnected();
}
