using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// Start-up's choice of the simulated market's instruments: the contracts of a Kotak scrip master cached in the
/// database when there is one and <see cref="SimulatorOptions.UseScripMaster"/> allows it, the built-in universe
/// otherwise. Runs once the database is ready and before anything needs the instruments; says in the log which
/// universe it chose and why.
/// </summary>
public sealed partial class SimulatedInstrumentsLoader(
    SimulatedInstrumentSource source,
    ScripMasterCache cache,
    IOptions<SimulatorOptions> options,
    TimeProvider clock,
    ILogger<SimulatedInstrumentsLoader> logger)
{
    /// <summary>Settles the source's universe and returns where its instruments came from.</summary>
    public async Task<SimulatedInstrumentsOrigin> LoadAsync(CancellationToken cancellationToken)
    {
        if (source.IsSettled)
        {
            // Something needed the instruments before the database was read; switching now would leave it on other instruments.
            LogAlreadySettled(logger, source.Origin.Summary);
            return source.Origin;
        }

        var (universe, origin) = await ChooseAsync(cancellationToken);
        var settled = universe is null ? source.TryUseBuiltIn(origin.Detail) : source.TryUse(universe, origin);
        if (!settled)
        {
            LogAlreadySettled(logger, source.Origin.Summary);
        }
        else if (origin.IsScripMaster)
        {
            LogScripMaster(logger, origin.Summary, origin.Detail);
        }
        else
        {
            LogBuiltIn(logger, origin.Detail);
        }

        return source.Origin;
    }

    private async Task<(SimulatedUniverse? Universe, SimulatedInstrumentsOrigin Origin)> ChooseAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UseScripMaster)
        {
            return (null, SimulatedInstrumentsOrigin.BuiltIn("Simulator:UseScripMaster is false"));
        }

        (ScripMasterCachedDay Day, IReadOnlyList<Core.Instruments.Instrument> Instruments)? cached;
        try
        {
            cached = await cache.LoadAsync(SimulatedUniverse.ScripMasterUnderlyings, SimulatedUniverse.ScripMasterIndices, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A damaged or foreign database must not stop a paper market that needs nothing from it.
            LogUnreadable(logger, ex);
            return (null, SimulatedInstrumentsOrigin.BuiltIn("the cached scrip master could not be read: " + ex.Message));
        }

        if (cached is not { } master)
        {
            return (null, SimulatedInstrumentsOrigin.BuiltIn("no scrip master is cached in the database (a KotakNeo or KotakPaper run leaves one)"));
        }

        return SimulatedUniverse.TryFromScripMaster(clock.GetUtcNow(), settings, master.Day.Day, master.Instruments, out var universe, out var explanation)
            ? (universe, new SimulatedInstrumentsOrigin(master.Day.Day, explanation))
            : (null, SimulatedInstrumentsOrigin.BuiltIn(explanation));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated market instruments: {Summary}: {Detail}")]
    private static partial void LogScripMaster(ILogger logger, string summary, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated market instruments: built-in simulated instruments, because {Reason}")]
    private static partial void LogBuiltIn(ILogger logger, string reason);

    // The one reader known to come that early: configured PaperBroker:Holdings, looked up when the paper broker is created.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated market instruments were needed before start-up read the scrip master cache (PaperBroker:Holdings are looked up when the paper broker is created); keeping {Summary}")]
    private static partial void LogAlreadySettled(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cached scrip master could not be read; the simulator uses its built-in instruments")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
