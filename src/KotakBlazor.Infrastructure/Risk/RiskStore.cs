using KotakBlazor.Core.Risk;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Risk;

/// <summary>
/// The risk limits and the kill switch in SQLite. The kill switch is read back at start-up, so a
/// switch tripped before a crash or restart is still tripped after it.
/// </summary>
public sealed class RiskStore(IDbContextFactory<KotakDbContext> contextFactory, TimeProvider time) : IRiskStore
{
    public async Task<RiskLimits> LoadLimitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.RiskLimits.AsNoTracking().SingleOrDefaultAsync(r => r.Id == RiskLimitsRecord.SingleRowId, cancellationToken);
        // A limit missing from an older row keeps the default its property declares.
        return record is null ? RiskLimits.Default : StoredJson.Read<RiskLimits>(record.LimitsJson);
    }

    public async Task SaveLimitsAsync(RiskLimits limits, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.RiskLimits.SingleOrDefaultAsync(r => r.Id == RiskLimitsRecord.SingleRowId, cancellationToken);
        if (record is null)
        {
            record = new RiskLimitsRecord { Id = RiskLimitsRecord.SingleRowId, LimitsJson = string.Empty, ChangedBy = changedBy };
            db.RiskLimits.Add(record);
        }

        record.LimitsJson = StoredJson.Write(limits);
        record.ChangedBy = changedBy;
        record.ChangedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<KillSwitchState> LoadKillSwitchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.KillSwitch.AsNoTracking().SingleOrDefaultAsync(k => k.Id == KillSwitchStateRecord.SingleRowId, cancellationToken);
        return record is null
            ? KillSwitchState.Armed
            : new KillSwitchState(record.IsTripped, record.Reason, record.ChangedBy, record.ChangedAt, record.Automatic);
    }

    public async Task SaveKillSwitchAsync(KillSwitchChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // IMMEDIATE: changes are applied one at a time, so the state row always matches the newest history entry.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.KillSwitch.SingleOrDefaultAsync(k => k.Id == KillSwitchStateRecord.SingleRowId, cancellationToken);
        if (state is null)
        {
            state = new KillSwitchStateRecord { Id = KillSwitchStateRecord.SingleRowId };
            db.KillSwitch.Add(state);
        }

        state.IsTripped = change.Tripped;
        state.Reason = change.Reason;
        state.ChangedBy = change.Actor;
        state.ChangedAt = change.Time;
        state.Automatic = change.Automatic;
        db.KillSwitchEvents.Add(new KillSwitchEventRecord
        {
            Time = change.Time,
            Tripped = change.Tripped,
            Reason = change.Reason,
            Actor = change.Actor,
            Automatic = change.Automatic,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<KillSwitchChange>> LoadKillSwitchHistoryAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.KillSwitchEvents.AsNoTracking()
            .OrderByDescending(e => e.Time).ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. records.Select(e => new KillSwitchChange(e.Time, e.Tripped, e.Reason, e.Actor, e.Automatic))];
    }
}
