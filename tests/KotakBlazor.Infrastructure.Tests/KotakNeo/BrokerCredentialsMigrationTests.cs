using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using KotakBlazor.Infrastructure.Tests.Orders;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

public sealed class BrokerCredentialsMigrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_database_made_by_the_previous_schema_gains_the_credential_tables_and_keeps_its_orders()
    {
        await using var db = new TestDatabase();
        await using (var context = db.ContextFactory.CreateDbContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261204000000_OrdersRiskJournal", None);
        }

        var orders = new OrderStore(db.ContextFactory);
        var order = OrderSamples.Pending("KB-CRED-1", new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero));
        await orders.InsertAsync(order, OrderSamples.Created(order), None);

        await db.Initializer.InitializeAsync(None);

        await using (var upgraded = db.ContextFactory.CreateDbContext())
        {
            Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync(None));
            Assert.Equal(0, await upgraded.BrokerCredentials.CountAsync(None));
        }

        Assert.Equal(order, await orders.FindAsync(order.Id, None));
        var store = new KotakCredentialStore(db.ContextFactory, DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(db.Folder, "keys"))), db.Time,
            NullLogger<KotakCredentialStore>.Instance);
        await store.SaveAsync(FakeKotakAccount.Default.Credentials, "admin", None);
        Assert.Equal(FakeKotakAccount.Default.Credentials, await store.LoadAsync(None));
    }
}
