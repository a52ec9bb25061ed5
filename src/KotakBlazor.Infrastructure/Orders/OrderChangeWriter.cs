using System.Globalization;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Orders;

/// <summary>
/// Writes an order's change (row, events, new fills) with plain prepared SQL in one
/// IMMEDIATE transaction. Every order costs several of these writes on the way to the broker
/// and back; through EF Core each took about a millisecond of CPU, this takes a tenth of that
/// (see docs/performance.md, order path). Values are written exactly as the EF Core model
/// stores them (enum names, decimal text, upper-case GUID text, UTC ticks), so both read the
/// same rows.
/// </summary>
internal sealed class OrderChangeWriter(IDbContextFactory<KotakDbContext> contextFactory)
{
    // Every column but the id: the store keeps the order's whole new state, whatever changed.
    private const string UpdateOrder =
        "UPDATE orders SET Tag = $tag, InstrumentKey = $instrument, TradingSymbol = $symbol, Side = $side, Type = $type, Product = $product, "
        + "AfterMarket = $amo, Validity = $validity, Source = $source, RequestedBy = $requestedBy, Purpose = $purpose, StrategyId = $strategy, "
        + "GroupId = $group, ParentOrderId = $parent, IdempotencyKey = $key, PlacedAt = $placed, "
        + "BrokerOrderId = $broker, Quantity = $quantity, LimitPrice = $limit, TriggerPrice = $trigger, Status = $status, "
        + "Position = $position, FilledQuantity = $filled, AveragePrice = $average, Reason = $reason, UpdatedAt = $updated, "
        + "LastStatusCheck = $checked, FilledAt = $filledAt, FirstFailedAt = $firstFailed, LastRetryAt = $lastRetry, RetryCount = $retries, "
        + "QuantityAdjustedAt = $adjusted, ManualDetectedAt = $manual, ClosedAt = $closed WHERE Id = $id";

    private const string InsertOrder =
        "INSERT INTO orders (Id, Tag, InstrumentKey, TradingSymbol, Side, Type, Product, AfterMarket, Validity, Source, RequestedBy, Purpose, StrategyId, "
        + "GroupId, ParentOrderId, IdempotencyKey, PlacedAt, BrokerOrderId, Quantity, LimitPrice, TriggerPrice, Status, Position, FilledQuantity, "
        + "AveragePrice, Reason, UpdatedAt, LastStatusCheck, FilledAt, FirstFailedAt, LastRetryAt, RetryCount, QuantityAdjustedAt, ManualDetectedAt, ClosedAt) "
        + "VALUES ($id, $tag, $instrument, $symbol, $side, $type, $product, $amo, $validity, $source, $requestedBy, $purpose, $strategy, "
        + "$group, $parent, $key, $placed, $broker, $quantity, $limit, $trigger, $status, $position, $filled, "
        + "$average, $reason, $updated, $checked, $filledAt, $firstFailed, $lastRetry, $retries, $adjusted, $manual, $closed)";

    private const string InsertEvent =
        "INSERT INTO order_events (OrderId, Time, Kind, \"From\", \"To\", Detail, Actor) VALUES ($order, $time, $kind, $from, $to, $detail, $actor)";

    // A trade can arrive twice (a push, then the order-book poll): the first one counts.
    private const string InsertFill =
        "INSERT INTO fills (TradeId, OrderId, BrokerOrderId, InstrumentKey, TradingSymbol, Side, Product, Quantity, Price, Time, StrategyId) "
        + "VALUES ($trade, $order, $broker, $instrument, $symbol, $side, $product, $quantity, $price, $time, $strategy) ON CONFLICT (TradeId) DO NOTHING";

    private string? _connectionString;

    public async Task SaveAsync(OrderChange change, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(change, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // A constraint the change breaks (a tag taken by another order): nothing was written; same exception as EF Core's.
            throw new DbUpdateException($"Order {change.Order.Id} ({change.Order.Tag}) could not be stored: {ex.Message}", ex);
        }
    }

    private async Task WriteAsync(OrderChange change, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var order = change.Order;
        await using (var update = Command(connection, transaction, UpdateOrder))
        {
            AddOrder(update, order);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new InvalidOperationException($"Order {order.Id} ({order.Tag}) is not stored; insert it before saving changes to it.");
            }
        }

        foreach (var item in change.Events)
        {
            await AddEventAsync(connection, transaction, item, cancellationToken);
        }

        foreach (var fill in change.Fills)
        {
            await using var insert = Command(connection, transaction, InsertFill);
            Add(insert, "$trade", fill.TradeId);
            Add(insert, "$order", fill.OrderId is { } id ? Id(id) : null);
            Add(insert, "$broker", fill.BrokerOrderId);
            Add(insert, "$instrument", fill.Instrument.ToString());
            Add(insert, "$symbol", fill.TradingSymbol);
            Add(insert, "$side", fill.Side.ToString());
            Add(insert, "$product", fill.Product.ToString());
            Add(insert, "$quantity", fill.Quantity);
            Add(insert, "$price", Money(fill.Price));
            Add(insert, "$time", fill.Time.UtcTicks);
            Add(insert, "$strategy", fill.StrategyId is { } strategy ? Id(strategy) : null);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores a new intent and its first event in one transaction (the unique indexes refuse a tag or key taken).</summary>
    public async Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = Command(connection, transaction, InsertOrder))
        {
            AddOrder(insert, order);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await AddEventAsync(connection, transaction, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void AddOrder(SqliteCommand command, Order order)
    {
        Add(command, "$id", Id(order.Id));
        Add(command, "$tag", order.Tag);
        Add(command, "$instrument", order.Instrument.ToString());
        Add(command, "$symbol", order.TradingSymbol);
        Add(command, "$side", order.Side.ToString());
        Add(command, "$type", order.Type.ToString());
        Add(command, "$product", order.Product.ToString());
        Add(command, "$amo", order.AfterMarket);
        Add(command, "$validity", order.Validity.ToString());
        Add(command, "$source", order.Source.ToString());
        Add(command, "$requestedBy", order.RequestedBy);
        Add(command, "$purpose", order.Purpose.ToString());
        Add(command, "$strategy", order.StrategyId is { } strategy ? Id(strategy) : null);
        Add(command, "$group", order.GroupId is { } group ? Id(group) : null);
        Add(command, "$parent", order.ParentOrderId is { } parent ? Id(parent) : null);
        Add(command, "$key", order.IdempotencyKey);
        Add(command, "$placed", order.PlacedAt.UtcTicks);
        Add(command, "$broker", order.BrokerOrderId);
        Add(command, "$quantity", order.Quantity);
        Add(command, "$limit", Money(order.LimitPrice));
        Add(command, "$trigger", Money(order.TriggerPrice));
        Add(command, "$status", order.Status.ToString());
        Add(command, "$position", order.Position.ToString());
        Add(command, "$filled", order.FilledQuantity);
        Add(command, "$average", Money(order.AveragePrice));
        Add(command, "$reason", order.Reason);
        Add(command, "$updated", order.UpdatedAt.UtcTicks);
        Add(command, "$checked", order.LastStatusCheck?.UtcTicks);
        Add(command, "$filledAt", order.FilledAt?.UtcTicks);
        Add(command, "$firstFailed", order.FirstFailedAt?.UtcTicks);
        Add(command, "$lastRetry", order.LastRetryAt?.UtcTicks);
        Add(command, "$retries", order.RetryCount);
        Add(command, "$adjusted", order.QuantityAdjustedAt?.UtcTicks);
        Add(command, "$manual", order.ManualDetectedAt?.UtcTicks);
        Add(command, "$closed", order.ClosedAt?.UtcTicks);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(await ConnectionStringAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<string> ConnectionStringAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            _connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        }

        return _connectionString;
    }

    private static async Task AddEventAsync(SqliteConnection connection, SqliteTransaction transaction, OrderEvent item, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, InsertEvent);
        Add(insert, "$order", Id(item.OrderId));
        Add(insert, "$time", item.Time.UtcTicks);
        Add(insert, "$kind", item.Kind.ToString());
        Add(insert, "$from", item.From?.ToString());
        Add(insert, "$to", item.To?.ToString());
        Add(insert, "$detail", item.Detail);
        Add(insert, "$actor", item.Actor);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static void Add(SqliteCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    // As EF Core's SQLite provider stores them: GUIDs as upper-case text, decimals as invariant text.
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string? Money(decimal? value) => value?.ToString("0.0###########################", CultureInfo.InvariantCulture);
}
