using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Operations;

/// <summary>A day's statistics from the trade journal (its round trips' figures) and the orders placed that day.</summary>
public sealed class JournalDayStatistics(JournalService journal, IOrderStore orders, TimeProvider clock) : IDayStatisticsSource
{
    /// <inheritdoc />
    public async Task<DayStatistics> ComputeAsync(DateOnly tradingDay, CancellationToken cancellationToken)
    {
        var view = await journal.LoadAsync(tradingDay, tradingDay, null, cancellationToken);
        var dayOrders = await orders.QueryAsync(new OrderQuery(
            Since: IndianMarketTime.AtIst(tradingDay, TimeOnly.MinValue),
            Until: IndianMarketTime.AtIst(tradingDay.AddDays(1), TimeOnly.MinValue),
            Limit: 100_000), cancellationToken);
        return DayStatistics.From(tradingDay, view.Statistics.Overall, [.. dayOrders.Where(o => o.Source != OrderSource.Manual)], clock.GetUtcNow());
    }
}
