using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Risk;

/// <summary>
/// The accepted orders the rate, day and duplicate rules count. Only accepted requests are
/// recorded, so a previewed or refused order never uses up budget.
/// </summary>
internal sealed class OrderFlow
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    // Oldest first; pruned past the longest window a rule looks back over.
    private readonly Queue<AcceptedOrder> _recent = new();
    private DateOnly _day;
    private int _today;

    public void Record(OrderRequest request, DateTimeOffset now, TimeSpan lookBack)
    {
        var keep = lookBack > OneSecond ? lookBack : OneSecond;
        while (_recent.Count > 0 && _recent.Peek().Time <= now - keep)
        {
            _recent.Dequeue();
        }

        _recent.Enqueue(new AcceptedOrder(now, request.Instrument, request.Side, request.Quantity, request.StrategyId, request.GroupId));
        var day = IndianMarketTime.IstDate(now);
        if (day != _day)
        {
            _day = day;
            _today = 0;
        }

        _today++;
    }

    /// <summary>Orders accepted in the second before <paramref name="now"/> (a sliding window).</summary>
    public int InLastSecond(DateTimeOffset now)
    {
        var count = 0;
        foreach (var order in _recent)
        {
            if (order.Time > now - OneSecond && order.Time <= now)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Orders accepted on an IST day.</summary>
    public int OrdersOn(DateOnly day) => day == _day ? _today : 0;

    /// <summary>
    /// How long ago the same order (instrument, side, quantity, strategy) was accepted within the
    /// window, if it was. Orders of the same multi-leg group are never each other's duplicates: a
    /// batched placement sends the same slice again on purpose, and its idempotency keys already
    /// stop a double click.
    /// </summary>
    public TimeSpan? SinceSame(OrderRequest request, DateTimeOffset now, TimeSpan window)
    {
        TimeSpan? since = null;
        foreach (var order in _recent)
        {
            if (order.Time > now - window && order.Time <= now && order.Instrument == request.Instrument &&
                order.Side == request.Side && order.Quantity == request.Quantity && order.StrategyId == request.StrategyId &&
                (request.GroupId is null || order.GroupId != request.GroupId))
            {
                since = now - order.Time;
            }
        }

        return since;
    }

    private readonly record struct AcceptedOrder(DateTimeOffset Time, InstrumentId Instrument, OrderSide Side, int Quantity, Guid? StrategyId, Guid? GroupId);
}
