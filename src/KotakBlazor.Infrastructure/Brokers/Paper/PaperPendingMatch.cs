namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>A match waiting for the latency to pass before it is reported.</summary>
internal sealed class PaperPendingMatch(PaperOrder order, PaperMatch match)
{
    public PaperOrder Order { get; } = order;

    public PaperMatch Match { get; } = match;

    public ITimer? Timer { get; set; }
}
