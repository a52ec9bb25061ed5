using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using static System.FormattableString;

namespace KotakBlazor.Core.Risk;

/// <summary>The rules, one method per concern; each adds its refusals and allocates only when it refuses.</summary>
public sealed partial class RiskEngine
{
    private static readonly ProductType[] ProductTypes = Enum.GetValues<ProductType>();

    private static void Refuse(ref List<RiskRefusal>? refusals, RiskRule rule, string message) =>
        (refusals ??= []).Add(new RiskRefusal(rule, message));

    private void CheckKillSwitch(ref List<RiskRefusal>? refusals)
    {
        if (!_killSwitch.IsTripped)
        {
            return;
        }

        var state = _killSwitch.State;
        Refuse(ref refusals, RiskRule.KillSwitch, $"The kill switch is tripped ({state.Reason ?? "no reason given"}, by {state.ChangedBy ?? "unknown"}): no order may be placed until an admin resets it");
    }

    private void CheckMarketHours(OrderRequest request, RiskLimits limits, DateTimeOffset now, ref List<RiskRefusal>? refusals)
    {
        if (_hours.IsOpen(now))
        {
            return;
        }

        var closed = Invariant($"The market is closed ({IndianMarketTime.ToIst(now):HH:mm} IST)");
        if (!request.AfterMarket)
        {
            var open = IndianMarketTime.ToIst(_hours.NextOpen(now));
            Refuse(ref refusals, RiskRule.MarketClosed, Invariant($"{closed}; it opens at {open:HH:mm} IST on {open:dd MMM yyyy}. Place it as an after-market order or wait"));
        }
        else if (!limits.AllowAfterMarketOrders)
        {
            Refuse(ref refusals, RiskRule.MarketClosed, $"{closed} and after-market orders are turned off in the risk limits");
        }
        else if (!_hours.IsAfterMarketWindow(now))
        {
            Refuse(ref refusals, RiskRule.MarketClosed, $"{closed} and the after-market window is not open");
        }
    }

    /// <returns>The slice count.</returns>
    private static int CheckLots(OrderRequest request, Instrument instrument, RiskLimits limits, ref List<RiskRefusal>? refusals)
    {
        var lotSize = Math.Max(instrument.LotSize, 1);
        var symbol = instrument.TradingSymbol;
        var quantity = request.Quantity;
        var multiple = quantity % lotSize == 0;
        if (!multiple)
        {
            Refuse(ref refusals, RiskRule.NotLotMultiple, Invariant($"Quantity {quantity} is not a multiple of the lot size {lotSize} for {symbol}"));
        }

        var lots = (quantity + lotSize - 1) / lotSize;
        if (limits.MaxLotsPerOrder > 0 && lots > limits.MaxLotsPerOrder)
        {
            Refuse(ref refusals, RiskRule.MaxLotsPerOrder, Invariant($"{lots} lots of {symbol} is above the limit of {limits.MaxLotsPerOrder} lots per order"));
        }

        if (instrument.FreezeQuantity > 0 && instrument.FreezeQuantity < lotSize)
        {
            Refuse(ref refusals, RiskRule.InvalidQuantity, Invariant($"The freeze quantity {instrument.FreezeQuantity} of {symbol} is smaller than its lot size {lotSize}: it cannot be ordered"));
            return 1;
        }

        // Above the freeze quantity is not a refusal: the execution engine sends it in slices.
        return multiple ? OrderSlicer.SliceCount(quantity, lotSize, instrument.FreezeQuantity) : 1;
    }

    private static void CheckPrices(OrderRequest request, decimal tickSize, string symbol, ref List<RiskRefusal>? refusals)
    {
        var needsLimit = request.Type is OrderType.Limit or OrderType.StopLoss;
        var needsTrigger = request.Type is OrderType.StopLoss or OrderType.StopLossMarket;
        var limit = needsLimit ? CheckPrice("Limit price", request.LimitPrice, request.Type, tickSize, symbol, ref refusals) : null;
        var trigger = needsTrigger ? CheckPrice("Trigger price", request.TriggerPrice, request.Type, tickSize, symbol, ref refusals) : null;
        if (request.Type != OrderType.StopLoss || limit is not { } l || trigger is not { } t)
        {
            return;
        }

        // The exchange's rule: a buy stop triggers at or below its limit, a sell stop at or above.
        if (request.Side == OrderSide.Buy && t > l)
        {
            Refuse(ref refusals, RiskRule.InvalidPrice, $"For a buy stop-loss the trigger {RiskText.Price(t)} must not be above the limit {RiskText.Price(l)}");
        }
        else if (request.Side == OrderSide.Sell && t < l)
        {
            Refuse(ref refusals, RiskRule.InvalidPrice, $"For a sell stop-loss the trigger {RiskText.Price(t)} must not be below the limit {RiskText.Price(l)}");
        }
    }

    /// <returns>The price when it is valid, else null (after refusing).</returns>
    private static decimal? CheckPrice(string name, decimal? price, OrderType type, decimal tickSize, string symbol, ref List<RiskRefusal>? refusals)
    {
        if (price is not > 0)
        {
            var given = price is { } p ? RiskText.Price(p) : "none";
            Refuse(ref refusals, RiskRule.InvalidPrice, $"{name} must be positive for a {TypeName(type)} order (given: {given})");
            return null;
        }

        if (tickSize > 0 && price.Value % tickSize != 0)
        {
            Refuse(ref refusals, RiskRule.InvalidPrice, $"{name} {RiskText.Price(price.Value)} is not a multiple of the tick size {RiskText.Price(tickSize)} for {symbol}");
            return null;
        }

        return price;
    }

    private static void CheckPriceBand(OrderRequest request, decimal? ltp, RiskLimits limits, string symbol, bool exit, ref List<RiskRefusal>? refusals)
    {
        if (ltp is not { } last)
        {
            // Nothing to check a market entry against; an exit still goes (getting out needs no reference).
            if (!exit && request.Type is OrderType.Market or OrderType.StopLossMarket)
            {
                Refuse(ref refusals, RiskRule.NoLastPrice, $"No last price yet for {symbol}: a {TypeName(request.Type)} order cannot be checked against the price band. Wait for a tick or use a limit order");
            }

            return;
        }

        // Protective stops and targets rest at the broker far from the LTP by design (an option's
        // stop 20% below its entry is ordinary); the band guards against fat fingers on orders
        // meant to trade now.
        if (limits.PriceBandPercent <= 0 || request.Purpose is OrderPurpose.StopLoss or OrderPurpose.Target)
        {
            return;
        }

        if (request.Type is OrderType.Limit or OrderType.StopLoss)
        {
            CheckBand("Limit price", request.LimitPrice, last, limits.PriceBandPercent, symbol, ref refusals);
        }

        if (request.Type is OrderType.StopLoss or OrderType.StopLossMarket)
        {
            CheckBand("Trigger price", request.TriggerPrice, last, limits.PriceBandPercent, symbol, ref refusals);
        }
    }

    private static void CheckBand(string name, decimal? price, decimal last, decimal band, string symbol, ref List<RiskRefusal>? refusals)
    {
        if (price is not > 0)
        {
            return;
        }

        var away = Math.Abs(price.Value - last) / last * 100m;
        if (away > band)
        {
            Refuse(ref refusals, RiskRule.PriceOutsideBand, $"{name} {RiskText.Price(price.Value)} is {RiskText.Percent(Math.Round(away, 2))} from the last price {RiskText.Price(last)} of {symbol}; the band is {RiskText.Percent(band)}");
        }
    }

    /// <summary>The rules for orders that add risk: open positions, exposure, daily loss.</summary>
    private void CheckNewRisk(OrderRequest request, decimal reference, decimal multiplier, RiskLimits limits, string symbol, ref List<RiskRefusal>? refusals)
    {
        var net = _book.NetQuantity(request.Instrument, request.Product);
        if (net == 0 && limits.MaxOpenPositions > 0 && _book.OpenPositionCount >= limits.MaxOpenPositions)
        {
            Refuse(ref refusals, RiskRule.MaxOpenPositions, Invariant($"A new position in {symbol} would make {_book.OpenPositionCount + 1} open positions; the limit is {limits.MaxOpenPositions}"));
        }

        if (limits.MaxExposurePerInstrument > 0 || limits.MaxTotalExposure > 0)
        {
            // The instrument's units held after the order, over all its products, valued at the reference price.
            var signed = request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity;
            var units = 0L;
            foreach (var product in ProductTypes)
            {
                var held = _book.NetQuantity(request.Instrument, product);
                units += Math.Abs((long)held + (product == request.Product ? signed : 0));
            }

            var instrumentAfter = units * reference * multiplier;
            if (limits.MaxExposurePerInstrument > 0 && instrumentAfter > limits.MaxExposurePerInstrument)
            {
                Refuse(ref refusals, RiskRule.MaxExposurePerInstrument, $"Exposure in {symbol} would be {RiskText.Money(instrumentAfter)} after this order; the limit is {RiskText.Money(limits.MaxExposurePerInstrument)}");
            }

            var totalAfter = _book.TotalExposure - _book.ExposureOf(request.Instrument) + instrumentAfter;
            if (limits.MaxTotalExposure > 0 && totalAfter > limits.MaxTotalExposure)
            {
                Refuse(ref refusals, RiskRule.MaxTotalExposure, $"Total exposure would be {RiskText.Money(totalAfter)} after this order; the limit is {RiskText.Money(limits.MaxTotalExposure)}");
            }
        }

        var pnl = _book.DayPnl;
        if (limits.MaxDailyLoss > 0 && pnl <= -limits.MaxDailyLoss)
        {
            Refuse(ref refusals, RiskRule.MaxDailyLoss, $"The day's loss {RiskText.Money(-pnl)} has reached the limit of {RiskText.Money(limits.MaxDailyLoss)}: only exits and orders that reduce a position are allowed");
        }
    }

    private void CheckOrderFlow(OrderRequest request, RiskLimits limits, DateTimeOffset now, bool exit, string symbol, ref List<RiskRefusal>? refusals)
    {
        if (limits.MaxOrdersPerSecond > 0)
        {
            var lastSecond = _flow.InLastSecond(now);
            if (lastSecond >= limits.MaxOrdersPerSecond)
            {
                Refuse(ref refusals, RiskRule.MaxOrdersPerSecond, Invariant($"{lastSecond} orders went out in the last second; the limit is {limits.MaxOrdersPerSecond} per second"));
            }
        }

        if (limits.MaxOrdersPerDay > 0)
        {
            var today = _flow.OrdersOn(IndianMarketTime.IstDate(now));
            if (today >= limits.MaxOrdersPerDay)
            {
                Refuse(ref refusals, RiskRule.MaxOrdersPerDay, Invariant($"{today} orders went out today; the limit is {limits.MaxOrdersPerDay} per day"));
            }
        }

        if (!exit && limits.DuplicateWindowSeconds > 0 &&
            _flow.SinceSame(request, now, TimeSpan.FromSeconds(limits.DuplicateWindowSeconds)) is { } since)
        {
            Refuse(ref refusals, RiskRule.Duplicate, Invariant($"The same order ({request.Side} {request.Quantity} {symbol}) went out {since.TotalSeconds:0.0} s ago; duplicates within {limits.DuplicateWindowSeconds} s are refused"));
        }
    }

    private static string TypeName(OrderType type) => type switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        OrderType.StopLoss => "stop-loss",
        OrderType.StopLossMarket => "stop-loss market",
        _ => type.ToString(),
    };
}
