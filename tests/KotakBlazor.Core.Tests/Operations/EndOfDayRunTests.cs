using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>The whole cleanup with the six real steps: a broker outage fails step 1 while the other five still run; a second run the same day repeats nothing.</summary>
public sealed class EndOfDayRunTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly OperationsDesk _desk = new();

    [Fact]
    public async Task One_failing_step_is_reported_the_others_still_run_and_a_second_run_repeats_nothing_done()
    {
        var missedFill = await _desk.OpenOrderAsync();
        _desk.Broker.Fill(missedFill.BrokerOrderId!, 101m, _desk.Clock.GetUtcNow());
        _desk.AddManualBuy("M-1", 65);
        _desk.Clock.Advance(TimeSpan.FromHours(6));
        // The first order-book read of the run fails: only step 1 needs it before step 2 reads it again.
        _desk.Gateway.FailBookReads(1);

        var first = (await _desk.Cleanup.TryRunAsync(OperationsDesk.Today, EndOfDayTrigger.Scheduled, "system", None))!;

        Assert.Equal("Failed", first.Outcome);
        Assert.Equal(
            [EndOfDayStepStatus.Failed, EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Skipped, EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Succeeded],
            first.Steps.Select(s => s.Status));
        Assert.StartsWith("The broker's order book could not be read: connection refused.", first.Steps[0].Detail, StringComparison.Ordinal);
        // Step 2's reconciliation read the book after the outage, so the missed fill is in anyway.
        Assert.Equal(OrderStatus.Filled, _desk.Orders.Find(missedFill.Id)!.Status);
        Assert.Single(_desk.ManualTrades.All);
        Assert.Single(_desk.Notifier.Published, n => n.Kind == NotificationKind.EndOfDaySummary);
        Assert.Equal([OperationsDesk.Today], _desk.ArchiveAndBackup.Backups);

        _desk.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = (await _desk.Cleanup.TryRunAsync(OperationsDesk.Today, EndOfDayTrigger.OnDemand, "admin", None))!;

        Assert.Equal("Completed", second.Outcome);
        Assert.Equal(
            [EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Skipped, EndOfDayStepStatus.Succeeded, EndOfDayStepStatus.Skipped, EndOfDayStepStatus.Succeeded],
            second.Steps.Select(s => s.Status));
        Assert.Contains("0 of 0 active orders changed", second.Steps[0].Detail, StringComparison.Ordinal);
        Assert.StartsWith("0 active orders compared; 0 new or changed manual trades.", second.Steps[1].Detail, StringComparison.Ordinal);
        Assert.Single(_desk.ManualTrades.All);
        Assert.Single(_desk.Notifier.Published, n => n.Kind == NotificationKind.EndOfDaySummary);
        // The backup of the day is taken again (it replaces the morning's copy); nothing newly archived.
        Assert.Equal([OperationsDesk.Today, OperationsDesk.Today], _desk.ArchiveAndBackup.Backups);
        Assert.Contains("Archive: 0 completed orders", second.Steps[5].Detail, StringComparison.Ordinal);
        Assert.Equal([second.Id, first.Id], (await _desk.Runs.LoadRecentAsync(10, None)).Select(r => r.Id));
    }
}
