using KotakBlazor.Core.Operations;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>One step of a stored end-of-day run.</summary>
public sealed class EndOfDayStepRecord
{
    public Guid RunId { get; set; }

    public int Number { get; set; }

    public string Name { get; set; } = "";

    public EndOfDayStepStatus Status { get; set; }

    public string Detail { get; set; } = "";

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
