using System.Data.Common;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;

/// <summary>
/// The scrip master kept in SQLite, so the app starts with real instruments when Kotak cannot
/// be reached. One day is kept: a new day's set replaces the old one in a single transaction,
/// so a crash midway leaves the previous day whole.
/// </summary>
public sealed class ScripMasterCache(IDbContextFactory<KotakDbContext> contextFactory)
{
    private const string InsertSql =
        "INSERT INTO scrip_master_instruments (Day, InstrumentKey, TradingSymbol, Name, Description, Type, Underlying, LotSize, TickSize, FreezeQuantity, Expiry, Strike, OptionType) "
        + "VALUES ($day, $key, $symbol, $name, $description, $type, $underlying, $lot, $tick, $freeze, $expiry, $strike, $option)";

    /// <summary>The cached day, or null when nothing is cached.</summary>
    public async Task<ScripMasterCachedDay?> GetDayAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var day = await context.ScripMasterDays.AsNoTracking().OrderByDescending(d => d.Day).FirstOrDefaultAsync(cancellationToken);
        return day is null ? null : new ScripMasterCachedDay(day.Day, day.DownloadedAt, day.InstrumentCount, day.SkippedRows);
    }

    /// <summary>The cached day and its instruments, or null when nothing is cached.</summary>
    public Task<(ScripMasterCachedDay Day, IReadOnlyList<Instrument> Instruments)?> LoadAsync(CancellationToken cancellationToken) =>
        LoadAsync(rows => rows, cancellationToken);

    /// <summary>
    /// The cached day with only the instruments of <paramref name="underlyings"/> (names exactly as the master writes
    /// them, e.g. NIFTY) and <paramref name="instruments"/>; null when nothing is cached. A few hundred of some
    /// 100,000 rows: reading them all through EF takes most of a second on a small machine.
    /// </summary>
    public Task<(ScripMasterCachedDay Day, IReadOnlyList<Instrument> Instruments)?> LoadAsync(
        IReadOnlyCollection<string> underlyings, IReadOnlyCollection<InstrumentId> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(underlyings);
        ArgumentNullException.ThrowIfNull(instruments);
        var names = underlyings.ToList();
        var keys = instruments.Select(i => i.ToString()).ToList();
        return LoadAsync(rows => rows.Where(i => names.Contains(i.Underlying) || keys.Contains(i.InstrumentKey)), cancellationToken);
    }

    private async Task<(ScripMasterCachedDay Day, IReadOnlyList<Instrument> Instruments)?> LoadAsync(
        Func<IQueryable<ScripMasterInstrumentRecord>, IQueryable<ScripMasterInstrumentRecord>> filter, CancellationToken cancellationToken)
    {
        var day = await GetDayAsync(cancellationToken);
        if (day is null)
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await filter(context.ScripMasterInstruments.AsNoTracking().Where(i => i.Day == day.Day)).ToListAsync(cancellationToken);
        var instruments = new List<Instrument>(rows.Count);
        foreach (var row in rows)
        {
            instruments.Add(new Instrument(
                StoredInstrument.Parse(row.InstrumentKey), row.TradingSymbol, row.Name, row.Description, row.Type, row.Underlying,
                row.LotSize, row.TickSize, row.FreezeQuantity, row.Expiry, row.Strike, row.OptionType));
        }

        return (day, instruments);
    }

    /// <summary>Stores a day's instruments in place of whatever was cached.</summary>
    public async Task ReplaceAsync(ScripMasterCachedDay day, IReadOnlyList<Instrument> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(instruments);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.ScripMasterInstruments.ExecuteDeleteAsync(cancellationToken);
        await context.ScripMasterDays.ExecuteDeleteAsync(cancellationToken);
        context.ScripMasterDays.Add(new ScripMasterDayRecord
        {
            Day = day.Day,
            DownloadedAt = day.DownloadedAt,
            InstrumentCount = instruments.Count,
            SkippedRows = day.SkippedRows,
        });
        await context.SaveChangesAsync(cancellationToken);

        // ~100k rows: one prepared statement reused inside the transaction is far faster than change tracking.
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = InsertSql;
        var parameters = new[] { "$day", "$key", "$symbol", "$name", "$description", "$type", "$underlying", "$lot", "$tick", "$freeze", "$expiry", "$strike", "$option" }
            .Select(name => AddParameter(command, name))
            .ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var instrument in instruments)
        {
            parameters[0].Value = day.Day;
            parameters[1].Value = instrument.Id.ToString();
            parameters[2].Value = instrument.TradingSymbol;
            parameters[3].Value = instrument.Name;
            parameters[4].Value = instrument.Description;
            parameters[5].Value = instrument.Type.ToString();
            parameters[6].Value = instrument.Underlying;
            parameters[7].Value = instrument.LotSize;
            parameters[8].Value = instrument.TickSize;
            parameters[9].Value = instrument.FreezeQuantity;
            parameters[10].Value = instrument.Expiry is { } expiry ? expiry : DBNull.Value;
            parameters[11].Value = instrument.Strike is { } strike ? strike : DBNull.Value;
            parameters[12].Value = instrument.OptionType is { } option ? option.ToString() : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
