namespace KotakBlazor.Web.Market;

/// <summary>The feed state in a few words for the header: status name, label and a longer detail.</summary>
public sealed record FeedSummary(string Status, string Label, string Detail);
