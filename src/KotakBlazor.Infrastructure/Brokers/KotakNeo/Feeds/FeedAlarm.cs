namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>A live feed needs a person's attention.</summary>
/// <param name="Feed">Which feed (<c>kotak-sfeed</c>, <c>kotak-orders</c>).</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What happened and what the feed does about it, for people.</param>
/// <param name="At">When it was raised.</param>
public sealed record FeedAlarm(string Feed, FeedAlarmKind Kind, string Message, DateTimeOffset At);
