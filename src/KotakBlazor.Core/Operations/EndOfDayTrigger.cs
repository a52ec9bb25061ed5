namespace KotakBlazor.Core.Operations;

/// <summary>Why a cleanup ran.</summary>
public enum EndOfDayTrigger
{
    /// <summary>At the configured time after the close, on a trading day.</summary>
    Scheduled,

    /// <summary>An admin asked for it.</summary>
    OnDemand,
}
