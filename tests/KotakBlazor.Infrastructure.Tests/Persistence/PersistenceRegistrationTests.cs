using KotakBlazor.Core.Journal;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Tests.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Infrastructure.Tests.Persistence;

public sealed class PersistenceRegistrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_core_stores_are_registered_once_each_and_work_on_the_configured_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kotakblazor-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = folder })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new ManualClock(OrderSamples.Open))
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddKotakPersistence(configuration);
        // Not ValidateOnBuild: the watchlist store needs the instrument catalog the web host registers.
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(None);

            Assert.Same(provider.GetRequiredService<IOrderStore>(), provider.GetRequiredService<IOrderStore>());
            Assert.Same(provider.GetRequiredService<IRiskStore>(), provider.GetRequiredService<IRiskStore>());
            Assert.Same(provider.GetRequiredService<IManualTradeStore>(), provider.GetRequiredService<IManualTradeStore>());
            Assert.Same(provider.GetRequiredService<IJournalNoteStore>(), provider.GetRequiredService<IJournalNoteStore>());

            var order = OrderSamples.Pending("KB-DI-1", OrderSamples.Open);
            await provider.GetRequiredService<IOrderStore>().InsertAsync(order, OrderSamples.Created(order), None);
            await provider.GetRequiredService<IRiskStore>().SaveKillSwitchAsync(new KillSwitchChange(OrderSamples.Open, true, "drill", "admin", false), None);
            await provider.GetRequiredService<IJournalNoteStore>().SaveNoteAsync(order.Id.ToString(), "drill", "admin", None);

            Assert.True(File.Exists(Path.Combine(folder, new DatabaseOptions().DatabaseFileName)));
            Assert.Equal(order, await provider.GetRequiredService<IOrderStore>().FindAsync(order.Id, None));
            Assert.True((await provider.GetRequiredService<IRiskStore>().LoadKillSwitchAsync(None)).IsTripped);
            Assert.Empty(await provider.GetRequiredService<IManualTradeStore>().LoadAsync(None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
