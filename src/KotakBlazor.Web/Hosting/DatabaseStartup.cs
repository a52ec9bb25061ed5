using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// Locks the data folder, creates or migrates the database, in Paper mode chooses the simulated market's instruments
/// (a scrip master cached in the database, or the built-in ones), and creates the first admin.
/// </summary>
internal sealed class DatabaseStartup(
    IOptions<DatabaseOptions> options,
    DatabaseInitializer initializer,
    AdminBootstrapper bootstrapper,
    SimulatedInstrumentsLoader? simulatedInstruments = null) : IHostedService, IDisposable
{
    private DataFolderLock? _lock;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataFolderLock.Acquire(options.Value.Folder);
        await initializer.InitializeAsync(cancellationToken);

        // The instruments are read from the database just migrated, and settled before anything asks for them:
        // the first admin's default watchlist below already looks its symbols up in the catalog.
        if (simulatedInstruments is not null)
        {
            await simulatedInstruments.LoadAsync(cancellationToken);
        }

        await bootstrapper.EnsureAdminAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
