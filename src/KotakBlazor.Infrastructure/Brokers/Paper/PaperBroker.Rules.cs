using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>The checks a broker's RMS and the exchange make before an order may work. Each returns the reason in words, or null.</summary>
public sealed partial class PaperBroker
{
    /// <summary>Requests that cannot become an order at all: refused without an order number.</summary>
    private string? MalformedLocked(BrokerOrderRequest request, out Instrument instrument)
    {
        if (!_instruments.TryGet(request.Instrument, out instrument!))
        {
            return $"Unknown instrument {request.Instrument}.";
        }

        if (!instrument.IsTradable)
        {
            return $"{instrument.TradingSymbol} is an index: it is quoted, not traded.";
        }

        if (!string.IsNullOrWhiteSpace(request.TradingSymbol) && !string.Equals(request.TradingSymbol, instrument.TradingSymbol, StringComparison.OrdinalIgnoreCase))
        {
            return $"Trading symbol {request.TradingSymbol} does not match instrument {request.Instrument} ({instrument.TradingSymbol}).";
        }

        if (!string.IsNullOrWhiteSpace(request.Tag) && _tags.Contains(request.Tag))
        {
            return $"Tag {request.Tag} is not unique: an order with it was already placed today.";
        }

        return PriceFieldsProblem(request.Quantity, request.Type, request.Price, request.TriggerPrice);
    }

    private static string? PriceFieldsProblem(int quantity, OrderType type, decimal price, decimal triggerPrice)
    {
        if (quantity <= 0)
        {
            return Text($"Quantity {quantity} is invalid: it must be above 0.");
        }

        if (UsesPrice(type) && price <= 0m)
        {
            return Text($"A {type} order needs a price above 0.");
        }

        if (type is OrderType.StopLoss or OrderType.StopLossMarket && triggerPrice <= 0m)
        {
            return Text($"A {type} order needs a trigger price above 0.");
        }

        return null;
    }

    /// <summary>Why an accepted order is rejected at once (Kotak's <c>rejRsn</c>), or null when it may work.</summary>
    private string? RejectionLocked(PaperOrder order, bool wantsAfterMarket, DateTimeOffset now) =>
        SessionProblem(wantsAfterMarket, now)
        ?? ProductProblem(order.Instrument, order.Product)
        ?? ShapeProblemLocked(order.Instrument, order.Side, order.Type, order.Quantity, order.Price, order.TriggerPrice, checkTrigger: true)
        ?? MarginProblemLocked(order.Instrument, order.Side, order.Product, order.Quantity, ReferencePriceLocked(order.Instrument, order.Side, order.Price, order.TriggerPrice), 0m);

    private string? ModifyProblemLocked(PaperOrder order, BrokerModifyRequest request)
    {
        if (PriceFieldsProblem(request.Quantity, request.Type, request.Price, request.TriggerPrice) is { } fields)
        {
            return fields;
        }

        if (request.Quantity <= order.FilledQuantity)
        {
            return Text($"Quantity {request.Quantity} must be above the {order.FilledQuantity} already traded.");
        }

        var isStop = request.Type is OrderType.StopLoss or OrderType.StopLossMarket;
        var rearmsTrigger = isStop && !(order.IsStop && order.IsTriggered && request.TriggerPrice == order.TriggerPrice);
        var price = UsesPrice(request.Type) ? request.Price : 0m;
        var trigger = isStop ? request.TriggerPrice : 0m;
        if (ShapeProblemLocked(order.Instrument, order.Side, request.Type, request.Quantity, price, trigger, rearmsTrigger) is { } shape)
        {
            return shape;
        }

        // The order's own margin is already blocked: only the increase has to fit.
        var blocked = IncrementalMarginLocked(order.Instrument, order.Side, order.Product, order.RemainingQuantity,
            ReferencePriceLocked(order.Instrument, order.Side, order.Price, order.TriggerPrice)).Amount;
        return MarginProblemLocked(order.Instrument, order.Side, order.Product, request.Quantity - order.FilledQuantity,
            ReferencePriceLocked(order.Instrument, order.Side, price, trigger), blocked);
    }

    private string? SessionProblem(bool wantsAfterMarket, DateTimeOffset now)
    {
        if (_hours.IsOpen(now))
        {
            return null;
        }

        if (!wantsAfterMarket)
        {
            return "Market is closed: place it as an after-market order (AMO).";
        }

        return _hours.IsAfterMarketWindow(now) ? null : "After-market orders are not accepted now: the AMO window is closed.";
    }

    private static string? ProductProblem(Instrument instrument, ProductType product)
    {
        var isDerivative = instrument.Type is InstrumentType.Future or InstrumentType.Option;
        return (isDerivative, product) switch
        {
            (true, ProductType.Cnc) => $"Product CNC is for delivery equity; {instrument.TradingSymbol} is a derivative (use NRML or MIS).",
            (false, ProductType.Nrml) => $"Product NRML is for derivatives; {instrument.TradingSymbol} is equity (use CNC or MIS).",
            _ => null,
        };
    }

    /// <summary>Lot size, freeze quantity, tick size, stop-loss prices and the circuit band.</summary>
    private string? ShapeProblemLocked(Instrument instrument, OrderSide side, OrderType type, int quantity, decimal price, decimal trigger, bool checkTrigger)
    {
        if (instrument.LotSize > 1 && quantity % instrument.LotSize != 0)
        {
            return Text($"Quantity {quantity} is not a multiple of the lot size {instrument.LotSize}.");
        }

        if (instrument.FreezeQuantity > 0 && quantity > instrument.FreezeQuantity)
        {
            return Text($"Quantity {quantity} is above the freeze quantity {instrument.FreezeQuantity}: split the order.");
        }

        foreach (var (name, value) in new[] { ("Price", price), ("Trigger price", trigger) })
        {
            if (value > 0m && instrument.TickSize > 0m && value % instrument.TickSize != 0m)
            {
                return Text($"{name} {value} is not a multiple of the tick size {instrument.TickSize}.");
            }
        }

        if (type == OrderType.StopLoss && (side == OrderSide.Buy ? trigger > price : trigger < price))
        {
            return side == OrderSide.Buy
                ? Text($"Trigger price {trigger} must not be above the limit price {price} for a buy stop-loss.")
                : Text($"Trigger price {trigger} must not be below the limit price {price} for a sell stop-loss.");
        }

        if (!_quotes.TryGetValue(instrument.Id, out var quote))
        {
            return null;
        }

        var ltp = quote.Last.LastPrice;
        if (checkTrigger && trigger > 0m && (side == OrderSide.Buy ? ltp >= trigger : ltp <= trigger))
        {
            return side == OrderSide.Buy
                ? Text($"Trigger price {trigger} must be above the last traded price {ltp} for a buy stop-loss.")
                : Text($"Trigger price {trigger} must be below the last traded price {ltp} for a sell stop-loss.");
        }

        var band = quote.BandReference * _options.CircuitBandPercent / 100m;
        var lower = Math.Max(instrument.TickSize, instrument.RoundToTick(quote.BandReference - band));
        var upper = instrument.RoundToTick(quote.BandReference + band);
        foreach (var value in new[] { price, trigger })
        {
            if (value > 0m && (value < lower || value > upper))
            {
                return Text($"Price {value} is outside the circuit band {lower} - {upper}.");
            }
        }

        return null;
    }

    /// <summary>Insufficient funds, in the words of Kotak's RMS. <paramref name="alreadyBlocked"/> is margin this order holds now (a modify).</summary>
    private string? MarginProblemLocked(Instrument instrument, OrderSide side, ProductType product, int quantity, decimal price, decimal alreadyBlocked)
    {
        var (required, explanation) = IncrementalMarginLocked(instrument, side, product, quantity, price);
        var available = AvailableFundsLocked() + alreadyBlocked;
        return required <= available
            ? null
            : $"RMS: margin exceeds, required {PaperMarginModel.Money(required)}, available {PaperMarginModel.Money(available)} ({explanation}).";
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
