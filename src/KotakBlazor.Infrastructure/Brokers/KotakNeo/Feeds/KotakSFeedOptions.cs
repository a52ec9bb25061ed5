namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>Settings of the SFeed market feed. Configuration section <c>Kotak:MarketFeed</c>.</summary>
public sealed class KotakSFeedOptions : KotakFeedOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Kotak:MarketFeed";

    /// <summary>Replaces login's <c>feedUrl</c> (https or wss). Empty: use what login gave.</summary>
    public string? FeedUrl { get; set; }

    /// <summary>The auth frame's <c>source</c>.</summary>
    public string Source { get; set; } = "NEOTRADEAPI";

    /// <summary>Tokens one connection may subscribe in all (Kotak's documented limit is 3,000).</summary>
    public int MaxTokens { get; set; } = 3_000;

    /// <summary>Tokens per subscribe frame: long lists are sent in several frames.</summary>
    public int TokensPerFrame { get; set; } = 100;

    /// <summary>
    /// 30 s without a byte while the market is open raises the alarm and reconnects: a
    /// subscribed feed ticks every second or so in session.
    /// </summary>
    public override TimeSpan? SilenceAlarmAfter { get; set; } = TimeSpan.FromSeconds(30);
}
