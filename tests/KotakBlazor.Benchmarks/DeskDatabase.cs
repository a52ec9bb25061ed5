using System.Data.Common;
using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure;
using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// The app's database in a fresh temp folder: registered by <c>AddKotakPersistence</c> (as the
/// host does), migrated and switched to WAL by <see cref="DatabaseInitializer"/>, with the real
/// <see cref="OrderStore"/> on it. Deleted on dispose.
/// </summary>
internal sealed class DeskDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DeskDatabase(string folder, ServiceProvider services, IOrderStore store, string pragmas)
    {
        Folder = folder;
        _services = services;
        Store = store;
        Pragmas = pragmas;
    }

    public string Folder { get; }

    public IOrderStore Store { get; }

    /// <summary>journal_mode and synchronous as a store connection sees them.</summary>
    public string Pragmas { get; }

    /// <param name="synchronousNormal">Diagnostic only: the store's connections run <c>PRAGMA synchronous=NORMAL</c> (the app does not).</param>
    public static async Task<DeskDatabase> CreateAsync(bool synchronousNormal)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kotakblazor-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = folder }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddKotakPersistence(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var store = synchronousNormal
            ? new OrderStore(new NormalSyncContextFactory(connectionString))
            : services.GetRequiredService<IOrderStore>();
        return new DeskDatabase(folder, services, store, await ReadPragmasAsync(connectionString, synchronousNormal));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task<string> ReadPragmasAsync(string connectionString, bool synchronousNormal)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (synchronousNormal)
        {
            await NormalSyncInterceptor.ApplyAsync(connection, CancellationToken.None);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var name = synchronous switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => "?" };
        return $"journal_mode={journal}, synchronous={synchronous} ({name})";
    }

    /// <summary>The store's context factory with <c>PRAGMA synchronous=NORMAL</c> on every connection (diagnostic runs only).</summary>
    private sealed class NormalSyncContextFactory(string connectionString) : IDbContextFactory<KotakDbContext>
    {
        private readonly DbContextOptions<KotakDbContext> _options =
            new DbContextOptionsBuilder<KotakDbContext>().UseSqlite(connectionString).AddInterceptors(new NormalSyncInterceptor()).Options;

        public KotakDbContext CreateDbContext() => new(_options);
    }

    private sealed class NormalSyncInterceptor : DbConnectionInterceptor
    {
        private const string Pragma = "PRAGMA synchronous=NORMAL;";

        public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
            ApplyAsync(connection, cancellationToken);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }
}
