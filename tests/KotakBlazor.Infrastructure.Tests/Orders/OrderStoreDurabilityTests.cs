using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static KotakBlazor.Infrastructure.Tests.Orders.OrderSamples;

namespace KotakBlazor.Infrastructure.Tests.Orders;

/// <summary>
/// Which writes wait for an fsync (ADRs 0014, 0016): SQLite's <c>synchronous</c> setting on the
/// writer's connection as each commit leaves it (2 = FULL: fsynced at commit; 1 = NORMAL: in the OS's
/// hands, which survives a killed process).
/// </summary>
public sealed class OrderStoreDurabilityTests
{
    private const long Full = 2;
    private const long Normal = 1;

    [Theory]
    [InlineData(true, Full)]
    [InlineData(false, Normal)]
    public async Task An_intent_is_fsynced_only_when_asked_and_later_changes_never_wait_for_one(bool fsyncIntents, long intentSync)
    {
        await using var db = await new TestDatabase().InitializedAsync();
        using var store = new OrderStore(db.ContextFactory, Options.Create(new OrderStoreOptions { FsyncIntents = fsyncIntents }));
        var intent = Pending("KB-0101", Open);

        await store.InsertAsync(intent, Created(intent), CancellationToken.None);
        var afterIntent = await store.Writer.ReadSynchronousAsync();
        var open = intent with { Status = OrderStatus.Open, BrokerOrderId = "250412000000101" };
        await store.SaveAsync(new OrderChange(open, [Moved(open, OrderStatus.PendingSubmit, OrderStatus.Open, Open.AddSeconds(1))], []), CancellationToken.None);
        var afterChange = await store.Writer.ReadSynchronousAsync();
        var second = Pending("KB-0102", Open.AddSeconds(2));
        await store.InsertAsync(second, Created(second), CancellationToken.None);

        Assert.Equal(intentSync, afterIntent);
        Assert.Equal(Normal, afterChange);
        Assert.Equal(intentSync, await store.Writer.ReadSynchronousAsync());
        Assert.Equal(open, await store.FindAsync(intent.Id, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(second.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("key")]
    [InlineData("placed")]
    [InlineData("strategy")]
    [InlineData("group")]
    public async Task A_change_to_a_field_fixed_at_placement_is_refused_and_nothing_is_stored(string field)
    {
        await using var db = await new TestDatabase().InitializedAsync();
        using var store = new OrderStore(db.ContextFactory);
        var intent = Pending("KB-0104", Open, idempotencyKey: "press-104") with { StrategyId = Guid.NewGuid() };
        await store.InsertAsync(intent, Created(intent), CancellationToken.None);
        var open = intent with { Status = OrderStatus.Open, BrokerOrderId = "250412000000104" };
        var changed = field switch
        {
            "tag" => open with { Tag = "KB-0999" },
            "key" => open with { IdempotencyKey = "press-999" },
            "placed" => open with { PlacedAt = Open.AddSeconds(1) },
            "strategy" => open with { StrategyId = Guid.NewGuid() },
            _ => open with { GroupId = Guid.NewGuid() },
        };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.SaveAsync(new OrderChange(changed, [Moved(changed, OrderStatus.PendingSubmit, OrderStatus.Open, Open.AddSeconds(1))], []), CancellationToken.None));

        Assert.Contains("never change", refused.Message, StringComparison.Ordinal);
        Assert.Equal(intent, await store.FindAsync(intent.Id, CancellationToken.None));
        Assert.Single(await store.LoadEventsAsync(intent.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Without_options_intents_are_fsynced()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        using var store = new OrderStore(db.ContextFactory);
        var intent = Pending("KB-0103", Open);

        await store.InsertAsync(intent, Created(intent), CancellationToken.None);

        Assert.Equal(Full, await store.Writer.ReadSynchronousAsync());
    }

    [Fact]
    public async Task Orders_reach_the_database_file_itself_once_they_pause_not_in_the_middle_of_a_burst()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await CheckpointEverythingAsync(db);
        var clock = new ManualClock(Open);
        using var store = new OrderStore(db.ContextFactory, Options.Create(new OrderStoreOptions { FsyncIntents = false }));
        store.Writer.Clock = clock;

        for (var i = 0; i < 3; i++)
        {
            var intent = Pending($"KB-02{i:00}", Open.AddSeconds(i));
            await store.InsertAsync(intent, Created(intent), CancellationToken.None);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Commits 100 ms apart: no pause yet, so no checkpoint ran and the orders are only in the WAL.
        await store.Writer.Checkpoint;
        Assert.Equal(0, await OrdersInDatabaseFileAsync(db));

        clock.Advance(TimeSpan.FromMilliseconds(250));
        await store.Writer.Checkpoint;
        Assert.Equal(3, await OrdersInDatabaseFileAsync(db));
    }

    [Fact]
    public async Task A_burst_that_never_pauses_is_still_checkpointed_every_thousand_commits()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await CheckpointEverythingAsync(db);
        using var store = new OrderStore(db.ContextFactory, Options.Create(new OrderStoreOptions { FsyncIntents = false }));
        store.Writer.Clock = new ManualClock(Open);

        for (var i = 0; i < 1000; i++)
        {
            var intent = Pending($"KB-1{i:0000}", Open);
            await store.InsertAsync(intent, Created(intent), CancellationToken.None);
        }

        await store.Writer.Checkpoint;
        Assert.Equal(1000, await OrdersInDatabaseFileAsync(db));
    }

    /// <summary>Moves the schema and everything before the test into the database file, so the WAL holds only what the test writes.</summary>
    private static async Task CheckpointEverythingAsync(TestDatabase db)
    {
        await using var connection = new SqliteConnection(db.Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the orders in a copy of the database file alone, without its WAL: what a checkpoint has copied there.</summary>
    private static async Task<long> OrdersInDatabaseFileAsync(TestDatabase db)
    {
        var copy = Path.Combine(db.Folder, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(db.Options.DatabasePath, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orders;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
