using KotakBlazor.Core.Operations;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Operations;

/// <summary>The end-of-day run history in SQLite.</summary>
public sealed class EndOfDayRunStore(IDbContextFactory<KotakDbContext> contexts) : IEndOfDayRunStore
{
    /// <inheritdoc />
    public async Task SaveAsync(EndOfDayRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.EndOfDayRuns.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == run.Id, cancellationToken);
        if (row is null)
        {
            row = new EndOfDayRunRecord { Id = run.Id };
            db.EndOfDayRuns.Add(row);
        }

        row.TradingDay = run.TradingDay;
        row.Trigger = run.Trigger;
        row.StartedBy = run.StartedBy.Length <= 64 ? run.StartedBy : run.StartedBy[..64];
        row.StartedAt = run.StartedAt;
        row.FinishedAt = run.FinishedAt;
        row.Outcome = run.Outcome;
        foreach (var step in run.Steps)
        {
            var stepRow = row.Steps.FirstOrDefault(s => s.Number == step.Number);
            if (stepRow is null)
            {
                stepRow = new EndOfDayStepRecord { RunId = run.Id, Number = step.Number };
                row.Steps.Add(stepRow);
            }

            stepRow.Name = step.Name;
            stepRow.Status = step.Status;
            stepRow.Detail = step.Detail;
            stepRow.StartedAt = step.StartedAt;
            stepRow.FinishedAt = step.FinishedAt;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EndOfDayRun>> LoadRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EndOfDayRuns.AsNoTracking().Include(r => r.Steps)
            .OrderByDescending(r => r.StartedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EndOfDayRun(r.Id, r.TradingDay, r.Trigger, r.StartedBy, r.StartedAt, r.FinishedAt,
            [.. r.Steps.OrderBy(s => s.Number).Select(s => new EndOfDayStepResult(s.Number, s.Name, s.Status, s.Detail, s.StartedAt, s.FinishedAt))]))];
    }
}
