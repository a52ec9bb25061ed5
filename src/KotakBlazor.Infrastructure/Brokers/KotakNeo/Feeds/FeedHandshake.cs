namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>The server's answer to a feed's login frame.</summary>
/// <param name="Outcome">Accepted, credentials refused, or another failure.</param>
/// <param name="Reason">The server's words when it was not accepted.</param>
internal readonly record struct FeedHandshake(FeedHandshakeOutcome Outcome, string? Reason)
{
    public static FeedHandshake Accepted { get; } = new(FeedHandshakeOutcome.Accepted, null);

    public static FeedHandshake Refused(string reason) => new(FeedHandshakeOutcome.CredentialsRefused, reason);

    public static FeedHandshake Failed(string reason) => new(FeedHandshakeOutcome.Failed, reason);
}

/// <summary>How a feed's login went.</summary>
internal enum FeedHandshakeOutcome
{
    Accepted,
    CredentialsRefused,
    Failed,
}
