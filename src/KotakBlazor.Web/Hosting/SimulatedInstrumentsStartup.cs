using KotakBlazor.Infrastructure.MarketData.Simulation;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// In Paper mode: chooses the simulated market's instruments (a cached scrip master's contracts or the built-in
/// ones) once the database is ready, before the services that quote and trade them start.
/// </summary>
internal sealed class SimulatedInstrumentsStartup(SimulatedInstrumentsLoader loader) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => loader.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
