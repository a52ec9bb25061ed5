using KotakBlazor.Core.Reconciliation;

namespace KotakBlazor.Core.Operations;

/// <summary>
/// Step 2: one more reconciliation with the broker (orders, trades, positions, holdings), so every
/// manual trade of the day is recorded for a trader to adopt or ignore. A manual trade already
/// recorded is not recorded again.
/// </summary>
public sealed class ManualTradeReconciliationStep(Reconciler reconciler) : IEndOfDayStep
{
    /// <inheritdoc />
    public int Number => 2;

    /// <inheritdoc />
    public string Name => "Reconciliation of manual trades";

    /// <inheritdoc />
    public async Task<EndOfDayStepOutcome> RunAsync(EndOfDayContext context, CancellationToken cancellationToken)
    {
        var report = await reconciler.RunAsync(FinalOrderVerificationStep.Actor, cancellationToken).ConfigureAwait(false);
        var found = OperationsText.List(report.ManualTradesFound.Select(m => $"{m.Kind} {m.TradingSymbol} {m.Quantity:+#;-#;0}"));
        if (!report.IsComplete)
        {
            return EndOfDayStepOutcome.Failed($"Incomplete: {string.Join("; ", report.Problems)}. {report.ManualTradesFound.Count} manual trades found in what could be read.{found}");
        }

        return EndOfDayStepOutcome.Done($"{report.OrdersChecked} active orders compared; {report.ManualTradesFound.Count} new or changed manual trades.{found}");
    }
}
