using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// The simulated market's universe for the app's instrument catalog and its feed, built once
/// (on first use) for the IST date of the injected clock.
/// </summary>
public sealed class SimulatedInstrumentSource
{
    private readonly Lazy<SimulatedUniverse> _universe;

    /// <summary>Creates the source; nothing is built until first asked for.</summary>
    /// <param name="options">The simulator's settings.</param>
    /// <param name="timeProvider">The clock whose IST date the universe is built for.</param>
    /// <param name="calendar">Exchange holidays, which move expiries; every weekday trades when null.</param>
    public SimulatedInstrumentSource(IOptions<SimulatorOptions> options, TimeProvider timeProvider, ITradingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _universe = new Lazy<SimulatedUniverse>(
            () => SimulatedUniverse.Create(timeProvider.GetUtcNow(), options.Value, calendar),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The universe, with the walk parameters the market needs.</summary>
    public SimulatedUniverse Universe => _universe.Value;

    /// <summary>Every simulated instrument, for the catalog.</summary>
    public IReadOnlyList<Instrument> Instruments => Universe.Instruments;
}
