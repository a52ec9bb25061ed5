using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
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

    [Fact]
    public async Task Without_options_intents_are_fsynced()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        using var store = new OrderStore(db.ContextFactory);
        var intent = Pending("KB-0103", Open);

        await store.InsertAsync(intent, Created(intent), CancellationToken.None);

        Assert.Equal(Full, await store.Writer.ReadSynchronousAsync());
    }
}
