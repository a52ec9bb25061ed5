namespace KotakBlazor.Web.Trading;

/// <summary>Configuration section <c>Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Seconds between reconciliations (0: only at start-up and on demand).</summary>
    public int IntervalSeconds { get; set; } = 30;
}
