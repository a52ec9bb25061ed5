using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// The simulated market's universe for the app's instrument catalog and its feed: one universe for the life of
/// the app, settled the first time it is asked for. Start-up may offer one built from a cached scrip master
/// (<see cref="TryUse"/>) before that; otherwise the built-in universe is built for the IST date of the clock.
/// </summary>
public sealed class SimulatedInstrumentSource
{
    /// <summary>Why the built-in universe is used when nothing offered another before it was first needed.</summary>
    public const string NothingOffered = "no scrip master was offered before the instruments were first needed";

    private readonly Lock _gate = new();
    private readonly Func<SimulatedUniverse> _builtIn;
    private Settled? _settled;

    /// <summary>Creates the source; nothing is built until first asked for.</summary>
    /// <param name="options">The simulator's settings.</param>
    /// <param name="timeProvider">The clock whose IST date the universe is built for.</param>
    /// <param name="calendar">Exchange holidays, which move expiries; every weekday trades when null.</param>
    public SimulatedInstrumentSource(IOptions<SimulatorOptions> options, TimeProvider timeProvider, ITradingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _builtIn = () => SimulatedUniverse.Create(timeProvider.GetUtcNow(), options.Value, calendar);
    }

    /// <summary>The universe, with the walk parameters the market needs.</summary>
    public SimulatedUniverse Universe => Current.Universe;

    /// <summary>Where <see cref="Universe"/>'s instruments came from.</summary>
    public SimulatedInstrumentsOrigin Origin => Current.Origin;

    /// <summary>Every simulated instrument, for the catalog.</summary>
    public IReadOnlyList<Instrument> Instruments => Universe.Instruments;

    /// <summary>Whether the universe is settled (asked for, or chosen at start-up).</summary>
    public bool IsSettled => Volatile.Read(ref _settled) is not null;

    private Settled Current
    {
        get
        {
            if (Volatile.Read(ref _settled) is { } settled)
            {
                return settled;
            }

            lock (_gate)
            {
                _settled ??= new Settled(_builtIn(), SimulatedInstrumentsOrigin.BuiltIn(NothingOffered));
                return _settled;
            }
        }
    }

    /// <summary>
    /// Settles on <paramref name="universe"/>. Refused (false) once a universe is settled: the catalog, the feed
    /// and the paper broker must all quote the same instruments for the whole run.
    /// </summary>
    public bool TryUse(SimulatedUniverse universe, SimulatedInstrumentsOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(origin);
        lock (_gate)
        {
            if (_settled is not null)
            {
                return false;
            }

            _settled = new Settled(universe, origin);
            return true;
        }
    }

    /// <summary>Settles on the built-in universe, for <paramref name="reason"/>; false when a universe is settled already.</summary>
    public bool TryUseBuiltIn(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (_settled is not null)
            {
                return false;
            }

            _settled = new Settled(_builtIn(), SimulatedInstrumentsOrigin.BuiltIn(reason));
            return true;
        }
    }

    private sealed record Settled(SimulatedUniverse Universe, SimulatedInstrumentsOrigin Origin);
}
