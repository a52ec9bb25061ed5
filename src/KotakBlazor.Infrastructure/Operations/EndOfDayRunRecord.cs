using KotakBlazor.Core.Operations;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>One end-of-day run in the history.</summary>
public sealed class EndOfDayRunRecord
{
    public Guid Id { get; set; }

    public DateOnly TradingDay { get; set; }

    public EndOfDayTrigger Trigger { get; set; }

    public string StartedBy { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Running, Completed or Failed, as <see cref="EndOfDayRun.Outcome"/> said when last stored.</summary>
    public string Outcome { get; set; } = "";

    public List<EndOfDayStepRecord> Steps { get; set; } = [];
}
