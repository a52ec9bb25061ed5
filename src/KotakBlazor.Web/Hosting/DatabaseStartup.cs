using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Hosting;

/// <summary>Locks the data folder, creates or migrates the database, and creates the first admin.</summary>
internal sealed class DatabaseStartup(
    IOptions<DatabaseOptions> options,
    DatabaseInitializer initializer,
    AdminBootstrapper bootstrapper) : IHostedService, IDisposable
{
    private DataFolderLock? _lock;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataFolderLock.Acquire(options.Value.Folder);
        await initializer.InitializeAsync(cancellationToken);
        await bootstrapper.EnsureAdminAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
