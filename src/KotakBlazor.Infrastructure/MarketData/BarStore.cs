using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData.Bars;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.MarketData;

/// <summary>
/// Closed bars in SQLite. Written in batches (a few hundred instruments close a 1-minute bar
/// at once); read to warm strategies up and to give charts their history after a restart.
/// </summary>
public sealed class BarStore(IDbContextFactory<KotakDbContext> contextFactory)
{
    /// <summary>Stores bars; a bar stored twice (same instrument, timeframe and start) is replaced.</summary>
    public async Task AppendAsync(IReadOnlyCollection<Bar> bars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT OR REPLACE INTO bars (InstrumentKey, TimeframeMinutes, Start, Open, High, Low, Close, Volume, TickCount) " +
            "VALUES ($key, $tf, $start, $open, $high, $low, $close, $volume, $ticks);";
        var key = Parameter(command, "$key");
        var timeframe = Parameter(command, "$tf");
        var start = Parameter(command, "$start");
        var open = Parameter(command, "$open");
        var high = Parameter(command, "$high");
        var low = Parameter(command, "$low");
        var close = Parameter(command, "$close");
        var volume = Parameter(command, "$volume");
        var ticks = Parameter(command, "$ticks");
        foreach (var bar in bars)
        {
            key.Value = bar.Instrument.ToString();
            timeframe.Value = bar.Timeframe.Minutes;
            start.Value = bar.Start.UtcTicks;
            open.Value = bar.Open.ToString(CultureInfo.InvariantCulture);
            high.Value = bar.High.ToString(CultureInfo.InvariantCulture);
            low.Value = bar.Low.ToString(CultureInfo.InvariantCulture);
            close.Value = bar.Close.ToString(CultureInfo.InvariantCulture);
            volume.Value = bar.Volume;
            ticks.Value = bar.TickCount;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The latest <paramref name="count"/> bars of an instrument and timeframe, oldest first.</summary>
    public async Task<IReadOnlyList<Bar>> RecentAsync(InstrumentId instrument, Timeframe timeframe, int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = instrument.ToString();
        var records = await db.Bars.AsNoTracking()
            .Where(b => b.InstrumentKey == key && b.TimeframeMinutes == timeframe.Minutes)
            .OrderByDescending(b => b.Start)
            .Take(count)
            .ToListAsync(cancellationToken);
        records.Reverse();
        return [.. records.Select(r => new Bar(instrument, timeframe, r.Start, r.Open, r.High, r.Low, r.Close, r.Volume, r.TickCount))];
    }

    /// <summary>Deletes bars that started before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Bars.Where(b => b.Start < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
