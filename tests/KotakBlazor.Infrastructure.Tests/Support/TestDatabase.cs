using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Watchlists;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary data folder, with the services built on it.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public TestDatabase(TimeProvider? time = null, AccountOptions? accountOptions = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "kotakblazor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Options = new DatabaseOptions { Folder = Folder };
        Time = time ?? TimeProvider.System;
        ContextFactory = new SqliteContextFactory(Options.ConnectionString);
        Audit = new AuditLog(ContextFactory, Time);
        Users = new UserAccountService(ContextFactory, Microsoft.Extensions.Options.Options.Create(accountOptions ?? new AccountOptions()), Audit, Time, NullLogger<UserAccountService>.Instance);
    }

    public string Folder { get; }

    public DatabaseOptions Options { get; }

    public TimeProvider Time { get; }

    public IDbContextFactory<KotakDbContext> ContextFactory { get; }

    public AuditLog Audit { get; }

    public UserAccountService Users { get; }

    public DatabaseInitializer Initializer => new(ContextFactory, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DatabaseInitializer>.Instance);

    public WatchlistStore Watchlists(IInstrumentCatalog catalog) => new(ContextFactory, catalog, Time);

    public async Task<TestDatabase> InitializedAsync()
    {
        await Initializer.InitializeAsync(CancellationToken.None);
        return this;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }

    internal sealed class SqliteContextFactory(string connectionString) : IDbContextFactory<KotakDbContext>
    {
        public KotakDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<KotakDbContext>().UseSqlite(connectionString).Options);
    }
}
