namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>What went wrong with a live feed.</summary>
public enum FeedAlarmKind
{
    /// <summary>A connected socket delivered nothing for too long while the market was open.</summary>
    Silent,
    /// <summary>The feed server refused the session's credentials.</summary>
    Rejected,
}
