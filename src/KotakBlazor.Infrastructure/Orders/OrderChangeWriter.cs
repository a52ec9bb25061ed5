using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Orders;

/// <summary>
/// Writes intents and order changes on one long-lived connection with its statements kept
/// prepared, one IMMEDIATE transaction per write. Every order costs several writes between the
/// intent and its fill, and they are the order path's cost (docs/performance.md, order path).
/// <para>
/// Durability follows what each write protects (ADRs 0014 and 0016). An intent is the write-ahead
/// record that makes a crash safe. With an outside broker (Kotak) it is committed with
/// <c>synchronous=FULL</c>: on disk before the broker hears of the order, so even a power cut cannot
/// leave an order at the broker that we never recorded. With the paper broker, which lives in this
/// process and forgets its orders in the same power cut, that fsync protects nothing and is skipped.
/// Every other change commits with <c>synchronous=NORMAL</c>: in WAL mode that survives a killed
/// process (the commit is in the OS's hands), and only a power cut or kernel crash could lose the last
/// of them, which reconciliation restores from the broker's order and trade books (the broker is the
/// record of what happened to an order). The next fsynced intent makes every earlier change durable too.
/// </para>
/// <para>
/// Checkpoints (copying the WAL into the database file, with its fsyncs) run on a separate
/// connection in the background instead of on whichever commit crosses SQLite's threshold, and
/// when orders pause (no commit for a quarter of a second) rather than in the middle of a burst:
/// a checkpoint's I/O slowed the orders written beside it. A burst that never pauses still
/// checkpoints every thousand commits, which bounds the WAL (ADR 0016).
/// </para>
/// </summary>
internal sealed class OrderChangeWriter(IDbContextFactory<KotakDbContext> contextFactory, bool fsyncIntents) : IDisposable
{
    /// <summary>Commits after which a checkpoint runs even if orders never pause: a few MB of WAL.</summary>
    private const int CommitsBeforeForcedCheckpoint = 1000;

    /// <summary>How long without a commit counts as a pause to checkpoint in.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _connectionString;
    private SqliteConnection? _connection;
    private SqliteCommand? _insertOrder;
    private SqliteCommand? _updateOrder;
    private SqliteCommand? _insertEvent;
    private SqliteCommand? _insertFill;
    private bool? _full;
    private readonly Lock _checkpointSync = new();
    private ITimer? _quiet;
    private int _commitsSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;
    private bool _disposed;

    /// <summary>The clock that times a pause in orders (tests drive it by hand); set before the first write.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The latest background checkpoint (a completed task when none has run), for tests.</summary>
    internal Task Checkpoint
    {
        get
        {
            lock (_checkpointSync)
            {
                return _checkpoint;
            }
        }
    }

    /// <summary>Stores a new intent and its first event, fsynced when the broker is outside the process (the unique indexes refuse a tag or key taken).</summary>
    public Task InsertAsync(Order order, OrderEvent created, CancellationToken cancellationToken) =>
        WriteAsync(durable: fsyncIntents, connection =>
        {
            OrderRows.BindOrder(_insertOrder!, order);
            _insertOrder!.ExecuteNonQuery();
            OrderRows.BindEvent(_insertEvent!, created);
            _insertEvent!.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>Stores changes to stored orders (rows, events, new fills) together or not at all.</summary>
    public async Task SaveAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(durable: false, _ =>
            {
                // An order changed twice in one write (acknowledged, then filled) is updated once, to
                // its last state; every change's events and fills are still written.
                var seen = new HashSet<Guid>();
                var latest = new bool[changes.Count];
                for (var i = changes.Count - 1; i >= 0; i--)
                {
                    latest[i] = seen.Add(changes[i].Order.Id);
                }

                for (var i = 0; i < changes.Count; i++)
                {
                    Apply(changes[i], updateRow: latest[i]);
                }
            }, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // A constraint a change breaks (a tag taken by another order): nothing was written; same exception as EF Core's.
            var order = changes[0].Order;
            throw new DbUpdateException($"Order {order.Id} ({order.Tag}) could not be stored: {ex.Message}", ex);
        }
    }

    private void Apply(OrderChange change, bool updateRow)
    {
        var order = change.Order;
        if (updateRow)
        {
            UpdateRow(order);
        }

        foreach (var item in change.Events)
        {
            OrderRows.BindEvent(_insertEvent!, item);
            _insertEvent!.ExecuteNonQuery();
        }

        foreach (var fill in change.Fills)
        {
            OrderRows.BindFill(_insertFill!, fill);
            _insertFill!.ExecuteNonQuery();
        }
    }

    private void UpdateRow(Order order)
    {
        OrderRows.BindOrder(_updateOrder!, order);
        if (_updateOrder!.ExecuteNonQuery() == 0)
        {
            throw new InvalidOperationException($"Order {order.Id} ({order.Tag}) is not stored, or its tag, idempotency key, placing time, "
                + "strategy or group differs from the stored one (those never change); nothing was saved.");
        }
    }

    private async Task WriteAsync(bool durable, Action<SqliteConnection> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _connection ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
            // Once begun, a write runs to its commit or rollback: a cancellation never leaves it half done.
            UseDurability(connection, durable);
            using var transaction = connection.BeginTransaction(deferred: false);
            Enlist(transaction);
            try
            {
                write(connection);
                transaction.Commit();
            }
            catch
            {
                Reset();
                throw;
            }

            AfterCommit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>For tests: SQLite's <c>synchronous</c> setting on the writer's connection now (2 = FULL, 1 = NORMAL), null before the first write.</summary>
    internal async Task<long?> ReadSynchronousAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                return null;
            }

            using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous;";
            return (long?)pragma.ExecuteScalar();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts the commit and schedules a checkpoint for the next pause, or runs one now after a long burst.</summary>
    private void AfterCommit()
    {
        lock (_checkpointSync)
        {
            if (++_commitsSinceCheckpoint >= CommitsBeforeForcedCheckpoint)
            {
                StartCheckpoint();
                return;
            }

            _quiet ??= Clock.CreateTimer(_ => OnQuiet(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _quiet.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnQuiet()
    {
        lock (_checkpointSync)
        {
            if (_commitsSinceCheckpoint > 0 && !_disposed)
            {
                StartCheckpoint();
            }
        }
    }

    /// <summary>Starts a background checkpoint unless one is running. Call under <c>_checkpointSync</c>.</summary>
    private void StartCheckpoint()
    {
        if (_checkpoint.IsCompleted)
        {
            _commitsSinceCheckpoint = 0;
            _checkpoint = Task.Run(CheckpointAsync, CancellationToken.None);
        }
    }

    private void UseDurability(SqliteConnection connection, bool full)
    {
        if (_full == full)
        {
            return;
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        _full = full;
    }

    private void Enlist(SqliteTransaction transaction)
    {
        _insertOrder!.Transaction = transaction;
        _updateOrder!.Transaction = transaction;
        _insertEvent!.Transaction = transaction;
        _insertFill!.Transaction = transaction;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            _connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var pragma = connection.CreateCommand())
        {
            // This connection never checkpoints on commit; CheckpointAsync does it in the background.
            pragma.CommandText = "PRAGMA wal_autocheckpoint = 0;";
            pragma.ExecuteNonQuery();
        }

        _insertOrder = Prepared(connection, OrderRows.InsertOrder);
        _updateOrder = Prepared(connection, OrderRows.UpdateOrder);
        _insertEvent = Prepared(connection, OrderRows.InsertEvent);
        _insertFill = Prepared(connection, OrderRows.InsertFill);
        _full = null;
        _connection = connection;
        return connection;
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string text)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        return command;
    }

    /// <summary>After a failed write the connection starts afresh: no statement or transaction state survives a failure.</summary>
    private void Reset()
    {
        _insertOrder?.Dispose();
        _updateOrder?.Dispose();
        _insertEvent?.Dispose();
        _insertFill?.Dispose();
        _connection?.Dispose();
        _connection = null;
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // PASSIVE never waits for or blocks a writer; whatever it cannot copy now, the next one does.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // A checkpoint that fails loses nothing (the WAL keeps every commit); the next one retries and EF Core's connections checkpoint too.
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            Task checkpoint;
            lock (_checkpointSync)
            {
                _disposed = true;
                _quiet?.Dispose();
                checkpoint = _checkpoint;
            }

            checkpoint.GetAwaiter().GetResult();
            Reset();
        }
        finally
        {
            _gate.Release();
        }
    }
}
