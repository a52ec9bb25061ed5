using System.Globalization;
using KotakBlazor.Core.Orders;
using Microsoft.Data.Sqlite;

namespace KotakBlazor.Infrastructure.Orders;

/// <summary>
/// The order store's write statements and how an order, an event and a fill bind to them. Values
/// are written exactly as the EF Core model stores them (enum names, decimal text, upper-case GUID
/// text, UTC ticks), so EF Core reads these rows back unchanged.
/// </summary>
internal static class OrderRows
{
    // Every column that can change after the order is placed: the store keeps its whole new state,
    // whatever changed. The columns fixed at placement (tag, idempotency key, placed at, strategy,
    // group) are indexed; leaving them out of SET spares SQLite rewriting five index entries on every
    // change. They are checked instead: an order whose fixed columns differ matches no row and the
    // change is refused rather than half stored.
    public const string UpdateOrder =
        "UPDATE orders SET InstrumentKey = $instrument, TradingSymbol = $symbol, Side = $side, Type = $type, Product = $product, "
        + "AfterMarket = $amo, Validity = $validity, Source = $source, RequestedBy = $requestedBy, Purpose = $purpose, ParentOrderId = $parent, "
        + "BrokerOrderId = $broker, Quantity = $quantity, LimitPrice = $limit, TriggerPrice = $trigger, Status = $status, "
        + "Position = $position, FilledQuantity = $filled, AveragePrice = $average, Reason = $reason, UpdatedAt = $updated, "
        + "LastStatusCheck = $checked, FilledAt = $filledAt, FirstFailedAt = $firstFailed, LastRetryAt = $lastRetry, RetryCount = $retries, "
        + "QuantityAdjustedAt = $adjusted, ManualDetectedAt = $manual, ClosedAt = $closed "
        + "WHERE Id = $id AND Tag = $tag AND IdempotencyKey IS $key AND PlacedAt = $placed AND StrategyId IS $strategy AND GroupId IS $group";

    public const string InsertOrder =
        "INSERT INTO orders (Id, Tag, InstrumentKey, TradingSymbol, Side, Type, Product, AfterMarket, Validity, Source, RequestedBy, Purpose, StrategyId, "
        + "GroupId, ParentOrderId, IdempotencyKey, PlacedAt, BrokerOrderId, Quantity, LimitPrice, TriggerPrice, Status, Position, FilledQuantity, "
        + "AveragePrice, Reason, UpdatedAt, LastStatusCheck, FilledAt, FirstFailedAt, LastRetryAt, RetryCount, QuantityAdjustedAt, ManualDetectedAt, ClosedAt) "
        + "VALUES ($id, $tag, $instrument, $symbol, $side, $type, $product, $amo, $validity, $source, $requestedBy, $purpose, $strategy, "
        + "$group, $parent, $key, $placed, $broker, $quantity, $limit, $trigger, $status, $position, $filled, "
        + "$average, $reason, $updated, $checked, $filledAt, $firstFailed, $lastRetry, $retries, $adjusted, $manual, $closed)";

    public const string InsertEvent =
        "INSERT INTO order_events (OrderId, Time, Kind, \"From\", \"To\", Detail, Actor) VALUES ($order, $time, $kind, $from, $to, $detail, $actor)";

    // A trade can arrive twice (a push, then the order-book poll): the first one counts.
    public const string InsertFill =
        "INSERT INTO fills (TradeId, OrderId, BrokerOrderId, InstrumentKey, TradingSymbol, Side, Product, Quantity, Price, Time, StrategyId) "
        + "VALUES ($trade, $order, $broker, $instrument, $symbol, $side, $product, $quantity, $price, $time, $strategy) ON CONFLICT (TradeId) DO NOTHING";

    public static void BindOrder(SqliteCommand command, Order order)
    {
        Set(command, "$id", Id(order.Id));
        Set(command, "$tag", order.Tag);
        Set(command, "$instrument", order.Instrument.ToString());
        Set(command, "$symbol", order.TradingSymbol);
        Set(command, "$side", order.Side.ToString());
        Set(command, "$type", order.Type.ToString());
        Set(command, "$product", order.Product.ToString());
        Set(command, "$amo", order.AfterMarket);
        Set(command, "$validity", order.Validity.ToString());
        Set(command, "$source", order.Source.ToString());
        Set(command, "$requestedBy", order.RequestedBy);
        Set(command, "$purpose", order.Purpose.ToString());
        Set(command, "$strategy", order.StrategyId is { } strategy ? Id(strategy) : null);
        Set(command, "$group", order.GroupId is { } group ? Id(group) : null);
        Set(command, "$parent", order.ParentOrderId is { } parent ? Id(parent) : null);
        Set(command, "$key", order.IdempotencyKey);
        Set(command, "$placed", order.PlacedAt.UtcTicks);
        Set(command, "$broker", order.BrokerOrderId);
        Set(command, "$quantity", order.Quantity);
        Set(command, "$limit", Money(order.LimitPrice));
        Set(command, "$trigger", Money(order.TriggerPrice));
        Set(command, "$status", order.Status.ToString());
        Set(command, "$position", order.Position.ToString());
        Set(command, "$filled", order.FilledQuantity);
        Set(command, "$average", Money(order.AveragePrice));
        Set(command, "$reason", order.Reason);
        Set(command, "$updated", order.UpdatedAt.UtcTicks);
        Set(command, "$checked", order.LastStatusCheck?.UtcTicks);
        Set(command, "$filledAt", order.FilledAt?.UtcTicks);
        Set(command, "$firstFailed", order.FirstFailedAt?.UtcTicks);
        Set(command, "$lastRetry", order.LastRetryAt?.UtcTicks);
        Set(command, "$retries", order.RetryCount);
        Set(command, "$adjusted", order.QuantityAdjustedAt?.UtcTicks);
        Set(command, "$manual", order.ManualDetectedAt?.UtcTicks);
        Set(command, "$closed", order.ClosedAt?.UtcTicks);
    }

    public static void BindEvent(SqliteCommand command, OrderEvent item)
    {
        Set(command, "$order", Id(item.OrderId));
        Set(command, "$time", item.Time.UtcTicks);
        Set(command, "$kind", item.Kind.ToString());
        Set(command, "$from", item.From?.ToString());
        Set(command, "$to", item.To?.ToString());
        Set(command, "$detail", item.Detail);
        Set(command, "$actor", item.Actor);
    }

    public static void BindFill(SqliteCommand command, Fill fill)
    {
        Set(command, "$trade", fill.TradeId);
        Set(command, "$order", fill.OrderId is { } id ? Id(id) : null);
        Set(command, "$broker", fill.BrokerOrderId);
        Set(command, "$instrument", fill.Instrument.ToString());
        Set(command, "$symbol", fill.TradingSymbol);
        Set(command, "$side", fill.Side.ToString());
        Set(command, "$product", fill.Product.ToString());
        Set(command, "$quantity", fill.Quantity);
        Set(command, "$price", Money(fill.Price));
        Set(command, "$time", fill.Time.UtcTicks);
        Set(command, "$strategy", fill.StrategyId is { } strategy ? Id(strategy) : null);
    }

    // The statements are kept prepared between writes, so their parameters are created once and only their values change.
    private static void Set(SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    // As EF Core's SQLite provider stores them: GUIDs as upper-case text, decimals as invariant text.
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string? Money(decimal? value) => value?.ToString("0.0###########################", CultureInfo.InvariantCulture);
}
