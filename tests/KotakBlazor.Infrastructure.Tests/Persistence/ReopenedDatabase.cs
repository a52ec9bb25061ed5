using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Tests.Persistence;

/// <summary>
/// What a restarted process sees: every pooled connection to the file closed, and a new context
/// factory that shares nothing with the one that wrote the data.
/// </summary>
internal sealed class ReopenedDatabase(string connectionString) : IDbContextFactory<KotakDbContext>
{
    public static IDbContextFactory<KotakDbContext> Of(DatabaseOptions options)
    {
        SqliteConnection.ClearAllPools();
        return new ReopenedDatabase(options.ConnectionString);
    }

    public KotakDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<KotakDbContext>().UseSqlite(connectionString).Options);
}
