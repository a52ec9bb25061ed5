using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
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

    /// <summary>The journal mode and how the order store commits.</summary>
    public string Pragmas { get; }

    /// <param name="fsyncIntents">The order store's <c>OrderStore:FsyncIntents</c> (ADR 0016).</param>
    public static async Task<DeskDatabase> CreateAsync(bool fsyncIntents)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kotakblazor-bench", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder,
            ["OrderStore:FsyncIntents"] = fsyncIntents ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddKotakPersistence(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        return new DeskDatabase(folder, services, services.GetRequiredService<IOrderStore>(), await ReadPragmasAsync(connectionString, fsyncIntents));
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

    private static async Task<string> ReadPragmasAsync(string connectionString, bool fsyncIntents)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync();
        // OrderChangeWriter sets these on its own connection (ADRs 0014, 0016); other connections keep SQLite's defaults.
        var intents = fsyncIntents ? "FULL" : "NORMAL";
        return $"journal_mode={journal}; order store: intents synchronous={intents}, changes synchronous=NORMAL, checkpoints in the background";
    }
}
