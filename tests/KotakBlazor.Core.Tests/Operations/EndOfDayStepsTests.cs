using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Notifications;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Tests.Execution;

namespace KotakBlazor.Core.Tests.Operations;

/// <summary>Each of the six end-of-day steps on a real order desk: what it does, how it fails, and that running it again changes nothing more.</summary>
public sealed class EndOfDayStepsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly OperationsDesk _desk = new();

    [Fact]
    public async Task Final_verification_applies_what_the_broker_knows_and_closes_what_it_does_not()
    {
        var filledAtBroker = await _desk.OpenOrderAsync();
        var stillOpen = await _desk.OpenOrderAsync(130);
        _desk.Broker.Fill(filledAtBroker.BrokerOrderId!, 99.5m, _desk.Clock.GetUtcNow());
        _desk.Clock.Advance(TimeSpan.FromMinutes(5));
        var step = _desk.Steps[0];

        var outcome = await step.RunAsync(OperationsDesk.Context(), None);
        var again = await step.RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepStatus.Succeeded, outcome.Status);
        Assert.StartsWith("2 of our orders verified against the broker's book (0 rows not ours); 1 of 2 active orders changed; 1 still active.", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("BUY 65 NIFTY26D0826000CE: Open -> Filled (65 filled)", outcome.Detail, StringComparison.Ordinal);
        Assert.StartsWith("2 of our orders verified against the broker's book (0 rows not ours); 0 of 1 active orders changed; 1 still active.", again.Detail, StringComparison.Ordinal);
        var filled = _desk.Orders.Find(filledAtBroker.Id)!;
        Assert.Equal((OrderStatus.Filled, 65, 99.5m), (filled.Status, filled.FilledQuantity, filled.AveragePrice));
        Assert.Equal(_desk.Clock.GetUtcNow(), filled.LastStatusCheck);
        Assert.Equal(_desk.Clock.GetUtcNow(), _desk.Orders.Find(stillOpen.Id)!.LastStatusCheck);
        Assert.Contains(_desk.Fixture.Store.Events, e => e.OrderId == stillOpen.Id && e.Kind == OrderEventKind.StatusChecked && e.Actor == "end-of-day");
    }

    [Fact]
    public async Task Final_verification_fails_with_the_reason_when_the_order_book_cannot_be_read_and_changes_nothing()
    {
        var order = await _desk.OpenOrderAsync();
        _desk.Gateway.FailBookReads(1);

        var outcome = await _desk.Steps[0].RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepOutcome.Failed("The broker's order book could not be read: connection refused. 1 active orders left unverified."), outcome);
        Assert.Null(_desk.Orders.Find(order.Id)!.LastStatusCheck);
    }

    [Fact]
    public async Task Manual_trade_reconciliation_records_a_manual_order_once()
    {
        _desk.AddManualBuy("M-77", 65);
        var step = _desk.Steps[1];

        var outcome = await step.RunAsync(OperationsDesk.Context(), None);
        var again = await step.RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepOutcome.Done("0 active orders compared; 1 new or changed manual trades. Order NIFTY26D0826000CE +65."), outcome);
        Assert.Equal(EndOfDayStepOutcome.Done("0 active orders compared; 0 new or changed manual trades."), again);
        var manual = Assert.Single(_desk.ManualTrades.All);
        Assert.Equal(("M-77", 65, ManualTradeStatus.New), (manual.BrokerOrderId, manual.Quantity, manual.Status));
    }

    [Fact]
    public async Task Manual_trade_reconciliation_reports_an_incomplete_run_as_failed()
    {
        _desk.Gateway.FailBookReads(1);

        var outcome = await _desk.Steps[1].RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepStatus.Failed, outcome.Status);
        Assert.StartsWith("Incomplete: Order book: connection refused.", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_pending_for_more_than_a_day_are_closed_with_the_reason_and_younger_ones_are_left()
    {
        var working = await _desk.OpenOrderAsync();
        _desk.Broker.FailNext(BrokerErrorKind.Unreachable, times: 4);
        var failedIntent = Assert.Single((await _desk.Orders.SubmitAsync(DeskFixture.Buy(key: "k-failed"), None)).Orders);
        Assert.Equal(OrderStatus.Failed, failedIntent.Status);
        _desk.Clock.Advance(TimeSpan.FromHours(23));
        var young = await _desk.OpenOrderAsync(195);
        _desk.Clock.Advance(TimeSpan.FromHours(2));
        var step = _desk.Steps[2];

        var outcome = await step.RunAsync(OperationsDesk.Context(), None);
        var again = await step.RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepStatus.Succeeded, outcome.Status);
        Assert.StartsWith("2 of 2 stale orders closed.", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(EndOfDayStepOutcome.Skipped("No order has been pending for more than 24 h."), again);
        var reason = "Stale: still Failed more than 24 h after it was placed (04 Dec 09:30 IST); closed by the end-of-day cleanup.";
        Assert.Equal((OrderStatus.Cancelled, reason), (_desk.Orders.Find(failedIntent.Id)!.Status, _desk.Orders.Find(failedIntent.Id)!.Reason));
        // A working order is cancelled at the broker; the cancel request carries the reason.
        Assert.Equal(OrderStatus.Cancelled, _desk.Orders.Find(working.Id)!.Status);
        Assert.Equal(OrderStatus.Cancelled, _desk.Broker.Book.Single(r => r.BrokerOrderId == working.BrokerOrderId).Status);
        Assert.Contains(_desk.Fixture.Store.Events, e => e.OrderId == working.Id && e.Kind == OrderEventKind.CancelRequested
            && e.Detail == "Stale: still Open more than 24 h after it was placed (04 Dec 09:30 IST); closed by the end-of-day cleanup.");
        Assert.Equal(OrderStatus.Open, _desk.Orders.Find(young.Id)!.Status);
    }

    [Fact]
    public async Task A_stale_order_the_broker_cannot_be_asked_about_stays_open_and_the_step_fails()
    {
        var working = await _desk.OpenOrderAsync();
        _desk.Clock.Advance(TimeSpan.FromHours(25));
        _desk.Gateway.CancelsUnreachable = true;

        var outcome = await _desk.Steps[2].RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepStatus.Failed, outcome.Status);
        Assert.Contains("0 of 1 stale orders closed. Not closed: BUY 65 NIFTY26D0826000CE (Open, placed 04 Dec 09:30 IST): connection refused.", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Open, _desk.Orders.Find(working.Id)!.Status);
    }

    [Fact]
    public async Task The_days_statistics_are_stored_and_their_summary_sent_once_then_again_only_when_the_figures_change()
    {
        var statistics = _desk.Steps[3];
        var summary = _desk.Steps[4];

        Assert.Equal(EndOfDayStepStatus.Succeeded, (await statistics.RunAsync(OperationsDesk.Context(), None)).Status);
        var sent = await summary.RunAsync(OperationsDesk.Context(), None);
        var repeated = await summary.RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepOutcome.Done("Sent: End of day 04 Dec 2026: net ₹725.50."), sent);
        Assert.Equal(EndOfDayStepOutcome.Skipped("The same summary was sent at 09:30 IST already."), repeated);
        var notification = Assert.Single(_desk.Notifier.Published);
        Assert.Equal((NotificationKind.EndOfDaySummary, NotificationSeverity.Info), (notification.Kind, notification.Severity));
        Assert.Equal(
            "Round trips: 2 (1 won, 1 lost, win rate 50%)\nNet P&L: ₹725.50 (gross profit ₹1,000.00, gross loss -₹274.50)\nProfit factor: 3.64; max drawdown ₹274.50\nOrders: 3 placed, 2 filled, 0 rejected or failed, 1 cancelled",
            notification.Body);

        // A trade closed after the first run: new figures, sent as an update.
        _desk.Statistics.Compute = day => new DayStatistics(day, 3, 1, 2, 33.33m, -150m, 1000m, -1150m, 0.87m, 1150m, 4, 3, 0, 1, _desk.Clock.GetUtcNow());
        await statistics.RunAsync(OperationsDesk.Context(), None);
        Assert.Equal(EndOfDayStepOutcome.Done("Sent: Updated: End of day 04 Dec 2026: net -₹150.00."), await summary.RunAsync(OperationsDesk.Context(), None));
        Assert.Equal(NotificationSeverity.Warning, _desk.Notifier.Published[^1].Severity);
    }

    [Fact]
    public async Task Without_stored_statistics_the_summary_step_fails_and_sends_nothing()
    {
        var outcome = await _desk.Steps[4].RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepStatus.Failed, outcome.Status);
        Assert.Contains("nothing to send", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_desk.Notifier.Published);
    }

    [Fact]
    public async Task Archive_and_backup_are_independent_halves_a_failed_archive_still_leaves_a_backup()
    {
        var step = _desk.Steps[5];
        _desk.ArchiveAndBackup.ArchiveFailure = "database is locked";

        var outcome = await step.RunAsync(OperationsDesk.Context(), None);

        Assert.Equal(EndOfDayStepOutcome.Failed("Archive failed: database is locked. Backup: kotakblazor-2026-12-04.db (2 KB); 0 backups past the retention removed."), outcome);
        Assert.Equal([OperationsDesk.Today], _desk.ArchiveAndBackup.Backups);

        _desk.ArchiveAndBackup.ArchiveFailure = null;
        var fine = await step.RunAsync(OperationsDesk.Context(), None);
        Assert.Equal(EndOfDayStepStatus.Succeeded, fine.Status);
        Assert.StartsWith("Archive: 3 completed orders older than 30 days marked archived", fine.Detail, StringComparison.Ordinal);
        Assert.Equal(_desk.Clock.GetUtcNow().AddDays(-30), _desk.ArchiveAndBackup.ArchiveCutoffs.Single());
    }
}
