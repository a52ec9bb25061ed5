using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>Matching: what a tick does to a working order, and reporting it (at once or after the latency).</summary>
public sealed partial class PaperBroker
{
    private void MatchLocked(PaperOrder order, in Tick tick, DateTimeOffset now)
    {
        // An order with a report in flight was already matched on an earlier tick; it waits for that report.
        if (order.Pending is not null || !order.IsWorking)
        {
            return;
        }

        var match = Decide(order, tick, now);
        if (match.IsNothing)
        {
            return;
        }

        if (_latency <= TimeSpan.Zero)
        {
            ApplyLocked(order, match, now);
            return;
        }

        // The exchange decided on this tick; we only hear of it after the latency.
        var pending = new PaperPendingMatch(order, match);
        order.Pending = pending;
        _pending.Add(pending);
        pending.Timer = _clock.CreateTimer(OnPendingDue, pending, _latency, Timeout.InfiniteTimeSpan);
    }

    private PaperMatch Decide(PaperOrder order, in Tick tick, DateTimeOffset now)
    {
        if (!_hours.IsOpen(now))
        {
            return default;
        }

        var activates = false;
        if (!order.IsActive)
        {
            if (now < order.ActiveFrom)
            {
                return default;
            }

            activates = true;
        }

        var triggers = false;
        if (order.IsStop && !order.IsTriggered)
        {
            var touched = order.Side == OrderSide.Buy ? tick.LastPrice >= order.TriggerPrice : tick.LastPrice <= order.TriggerPrice;
            if (!touched)
            {
                return new PaperMatch(activates, false, 0, 0m, false);
            }

            triggers = true;
        }

        var touch = Touch(order.Instrument, order.Side, tick);
        var atMarket = order.Type is OrderType.Market or OrderType.StopLossMarket;
        var marketable = atMarket || (order.Side == OrderSide.Buy ? touch <= order.Price : touch >= order.Price);
        var fill = marketable ? Math.Min(order.RemainingQuantity, PartSize(order.Instrument)) : 0;
        var cancelsRest = order.Validity == OrderValidity.Ioc && fill < order.RemainingQuantity;
        return new PaperMatch(activates, triggers, fill, marketable ? touch : 0m, cancelsRest);
    }

    /// <summary>The price a market order trades at: the far side of the book, or LTP plus or minus the configured half-spread.</summary>
    private decimal Touch(Instrument instrument, OrderSide side, in Tick tick)
    {
        var halfSpread = _options.SpreadTicks * instrument.TickSize;
        if (side == OrderSide.Buy)
        {
            return tick.AskPrice > 0m ? tick.AskPrice : tick.LastPrice + halfSpread;
        }

        return tick.BidPrice > 0m ? tick.BidPrice : Math.Max(instrument.TickSize, tick.LastPrice - halfSpread);
    }

    /// <summary>Units that trade on one tick: the configured part, in whole lots, at least one lot.</summary>
    private int PartSize(Instrument instrument)
    {
        var lot = Math.Max(1, instrument.LotSize);
        return Math.Max(lot, _options.PartialFillQuantity / lot * lot);
    }

    private void ApplyLocked(PaperOrder order, PaperMatch match, DateTimeOffset now)
    {
        order.UpdatedAt = now;
        if (match.Activates)
        {
            order.IsActive = true;
            order.BrokerStatus = order.WorkingWord;
            PublishLocked(order);
        }

        if (match.Triggers)
        {
            order.IsTriggered = true;
            order.BrokerStatus = order.WorkingWord;
            PublishLocked(order);
        }

        if (match.FillQuantity > 0)
        {
            order.Fill(match.FillQuantity, match.FillPrice);
            var trade = new BrokerTrade(NextTradeIdLocked(now), order.Id, order.Tag, order.Instrument.Id, order.Instrument.TradingSymbol,
                order.Side, order.Product, match.FillQuantity, match.FillPrice, now);
            _trades.Add(trade);
            PositionLocked(order.Instrument, order.Product).Add(order.Side, match.FillQuantity, match.FillPrice);
            Trades.Publish(trade);
            PublishLocked(order);
            LogFilled(order.Id, order.Instrument.TradingSymbol, order.Side, match.FillQuantity, match.FillPrice, order.FilledQuantity, order.Quantity);
        }

        if (match.CancelsRest && order.IsWorking)
        {
            order.Close(OrderStatus.Cancelled, KotakOrderStates.Cancelled, "IOC: quantity not traded at once is cancelled");
            PublishLocked(order);
        }

        if (!order.IsWorking)
        {
            RemoveWorkingLocked(order);
        }
    }

    private void OnPendingDue(object? state)
    {
        var pending = (PaperPendingMatch)state!;
        lock (_gate)
        {
            if (!_disposed)
            {
                ReportPendingLocked(pending);
            }
        }
    }

    /// <summary>Reports a match held back by the latency, if it is still waiting.</summary>
    private void ReportPendingLocked(PaperPendingMatch pending)
    {
        var order = pending.Order;
        if (!ReferenceEquals(order.Pending, pending))
        {
            return;
        }

        order.Pending = null;
        _pending.Remove(pending);
        pending.Timer?.Dispose();
        ApplyLocked(order, pending.Match, _clock.GetUtcNow());
    }

    /// <summary>
    /// Before a modify or cancel acts on an order, the exchange's decision already taken on it is
    /// reported: a trade that happened cannot be cancelled.
    /// </summary>
    private void FlushPendingLocked(PaperOrder order)
    {
        if (order.Pending is { } pending)
        {
            ReportPendingLocked(pending);
        }
    }

    private void AddWorkingLocked(PaperOrder order)
    {
        if (!_workingByInstrument.TryGetValue(order.Instrument.Id, out var working))
        {
            working = [];
            _workingByInstrument.Add(order.Instrument.Id, working);
        }

        working.Add(order);
    }

    private void RemoveWorkingLocked(PaperOrder order)
    {
        if (_workingByInstrument.TryGetValue(order.Instrument.Id, out var working))
        {
            working.Remove(order);
        }
    }

    private PaperPosition PositionLocked(Instrument instrument, ProductType product)
    {
        if (!_positions.TryGetValue((instrument.Id, product), out var position))
        {
            position = new PaperPosition(instrument, product);
            _positions.Add((instrument.Id, product), position);
        }

        return position;
    }
}
