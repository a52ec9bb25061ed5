using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Strategies;

/// <summary>Configured strategies in SQLite: what a restart resumes.</summary>
public sealed class StrategyStore(IDbContextFactory<KotakDbContext> contextFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<StrategyConfig>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Strategies.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return [.. records.Select(ToConfig)];
    }

    /// <summary>Inserts or replaces a configuration.</summary>
    public async Task SaveAsync(StrategyConfig config, string savedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var record = await db.Strategies.SingleOrDefaultAsync(s => s.Id == config.Id, cancellationToken);
        if (record is null)
        {
            record = new StrategyRecord
            {
                Id = config.Id,
                Key = config.Key,
                Name = config.Name,
                InstrumentsJson = "[]",
                Product = config.Product.ToString(),
                ParametersJson = "{}",
                CreatedBy = savedBy,
                CreatedAt = now,
            };
            db.Strategies.Add(record);
        }

        record.Key = config.Key;
        record.Name = config.Name;
        record.InstrumentsJson = StoredJson.Write(config.Instruments);
        record.TimeframeMinutes = config.Timeframe.Minutes;
        record.Lots = config.Lots;
        record.Product = config.Product.ToString();
        record.ParametersJson = StoredJson.Write(config.Parameters);
        record.Enabled = config.Enabled;
        record.AutoExecute = config.AutoExecute;
        record.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Strategies.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, enabled).SetProperty(r => r.UpdatedAt, now), cancellationToken) > 0;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Strategies.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static StrategyConfig ToConfig(StrategyRecord record) => new(
        record.Id,
        record.Key,
        record.Name,
        StoredJson.Read<List<InstrumentId>>(record.InstrumentsJson),
        new Timeframe(record.TimeframeMinutes),
        record.Lots,
        Enum.Parse<ProductType>(record.Product),
        StoredJson.Read<Dictionary<string, string>>(record.ParametersJson),
        record.Enabled,
        record.AutoExecute);
}
