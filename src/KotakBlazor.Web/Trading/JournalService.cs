using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// The trade journal: round trips built from the stored fills of orders the system placed or
/// adopted (manual trades that were never adopted stay out), the trader's notes, and the
/// statistics over a date range.
/// </summary>
public sealed class JournalService(IOrderStore orders, IJournalNoteStore notes, AuditLog audit, TimeProvider clock)
{
    /// <summary>Round trips whose exit falls in [from, to] (IST dates), optionally for one strategy, with their statistics.</summary>
    public async Task<JournalView> LoadAsync(DateOnly from, DateOnly to, Guid? strategyId, CancellationToken cancellationToken)
    {
        // Entries can be older than the range: read fills from well before it, then keep the trips that exit inside it.
        var since = IndianMarketTime.AtIst(from.AddDays(-30), TimeOnly.MinValue);
        var fills = await orders.LoadFillsAsync(since, cancellationToken);
        var trips = RoundTripBuilder.Build(fills.Where(f => f.OrderId is not null));
        var withNotes = RoundTripBuilder.WithNotes(trips, await notes.LoadNotesAsync(cancellationToken));
        var selected = withNotes
            .Where(t => IndianMarketTime.IstDate(t.ExitTime) is var day && day >= from && day <= to)
            .Where(t => strategyId is null || t.StrategyId == strategyId)
            .OrderBy(t => t.ExitTime)
            .ToList();
        return new JournalView(from, to, selected, JournalStatistics.Compute(selected));
    }

    /// <summary>Today's journal (IST).</summary>
    public Task<JournalView> TodayAsync(CancellationToken cancellationToken)
    {
        var today = IndianMarketTime.IstDate(clock.GetUtcNow());
        return LoadAsync(today, today, null, cancellationToken);
    }

    /// <summary>Stores the trader's note on a round trip.</summary>
    public async Task<TradingResult> SaveNoteAsync(ActingUser user, string roundTripId, string note, CancellationToken cancellationToken)
    {
        if (!TradingCommands.MayTrade(user))
        {
            return TradingResult.Refused($"Your role ({user.Role}) may not write journal notes.");
        }

        if (note.Length > 2000)
        {
            return TradingResult.Refused("A note can be at most 2,000 characters.");
        }

        await notes.SaveNoteAsync(roundTripId, note.Trim(), user.UserName, cancellationToken);
        await audit.WriteAsync(user.UserName, "journal.note", roundTripId, null, cancellationToken);
        return TradingResult.Done("Note saved.");
    }
}

/// <summary>The journal over a range of days.</summary>
public sealed record JournalView(DateOnly From, DateOnly To, IReadOnlyList<RoundTrip> Trips, JournalStatistics Statistics);
