using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>The universe picked out of a real Kotak scrip master: real tokens, symbols, lots, ticks and freeze quantities.</summary>
public sealed partial class SimulatedUniverse
{
    /// <summary>How many NIFTY option expiries the simulator quotes (its open interest shape has three ranks).</summary>
    public const int OptionExpiryCount = 3;

    /// <summary>The underlyings whose master rows <see cref="TryFromScripMaster"/> can use (NIFTY, BANKNIFTY and the simulated stocks).</summary>
    public static IReadOnlyList<string> ScripMasterUnderlyings => ["NIFTY", "BANKNIFTY", .. Stocks.Select(s => s.Symbol)];

    /// <summary>The indices <see cref="TryFromScripMaster"/> takes from a master by their NSE tokens.</summary>
    public static IReadOnlyList<InstrumentId> ScripMasterIndices => [new(ExchangeSegment.NseCm, NiftyToken), new(ExchangeSegment.NseCm, BankNiftyToken)];

    /// <summary>
    /// Picks the simulated market's instruments out of a Kotak scrip master: the stocks' own rows (matched exactly
    /// by <c>SYMBOL-EQ</c> on nse_cm; a stock the master lacks is left out), the NIFTY and BANKNIFTY futures of the
    /// nearest unexpired expiry, NIFTY options of the nearest <see cref="OptionExpiryCount"/> unexpired expiries
    /// on the <see cref="SimulatorOptions.StrikesEachSide"/> listed strikes each side of the strike nearest NIFTY's
    /// previous close, and NIFTY 50 and NIFTY BANK from the master when it lists them as indices with NSE's tokens
    /// (the built-in ones otherwise). A contract is unexpired until 15:30 IST on its expiry date. Prices still
    /// come from the simulator's walk, which starts at the built-in previous closes.
    /// </summary>
    /// <param name="now">The time the universe is for: contracts already expired then are never listed.</param>
    /// <param name="options">The simulator's settings.</param>
    /// <param name="masterDay">The trading day of the scrip master.</param>
    /// <param name="master">Every instrument of that day's master.</param>
    /// <param name="universe">The universe, when the master lists unexpired NIFTY options.</param>
    /// <param name="explanation">What was picked, or why the master cannot be used.</param>
    public static bool TryFromScripMaster(
        DateTimeOffset now,
        SimulatorOptions options,
        DateOnly masterDay,
        IReadOnlyList<Instrument> master,
        [NotNullWhen(true)] out SimulatedUniverse? universe,
        out string explanation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(master);
        ArgumentOutOfRangeException.ThrowIfNegative(options.StrikesEachSide);

        var rows = MasterRows.Read(master, NiftyExpiryCalendar.FirstLiveDate(now));
        if (rows.NiftyOptions.Count == 0)
        {
            universe = null;
            explanation = string.Create(CultureInfo.InvariantCulture, $"the scrip master of {masterDay:yyyy-MM-dd} lists no unexpired NIFTY options");
            return false;
        }

        var taken = new TakenNames();
        var nifty = rows.Index(NiftyToken) is { } niftyRow ? BuiltInNifty() with { Instrument = niftyRow } : BuiltInNifty();
        var bankNifty = rows.Index(BankNiftyToken) is { } bankRow ? BuiltInBankNifty() with { Instrument = bankRow } : BuiltInBankNifty();
        var underlyings = new List<SimulatedUnderlying> { nifty, bankNifty };
        taken.TryTake(nifty.Instrument);
        taken.TryTake(bankNifty.Instrument);
        foreach (var stock in Stocks)
        {
            if (rows.Equities.TryGetValue(stock.Symbol + "-EQ", out var equity) && taken.TryTake(equity))
            {
                underlyings.Add(stock.Walking(equity));
            }
        }

        var futures = new List<Instrument>(2);
        foreach (var name in new[] { "NIFTY", "BANKNIFTY" })
        {
            if (rows.NearestFuture(name) is { } future && taken.TryTake(future))
            {
                futures.Add(future);
            }
        }

        var expiries = rows.NiftyOptions.Select(o => o.Expiry!.Value).Distinct().Order().Take(OptionExpiryCount).ToArray();
        var picked = new List<Instrument>();
        var atm = 0m;
        var interval = (decimal)NiftyStrikeStep;
        foreach (var expiry in expiries)
        {
            var listed = rows.NiftyOptions.Where(o => o.Expiry == expiry).ToList();
            var strikes = listed.Select(o => o.Strike!.Value).Distinct().Order().ToArray();
            var centre = NearestStrikeIndex(strikes, nifty.PreviousClose);
            var window = strikes[Math.Max(0, centre - options.StrikesEachSide)..(Math.Min(strikes.Length - 1, centre + options.StrikesEachSide) + 1)];
            if (expiry == expiries[0])
            {
                // The simulator measures open interest and trade sizes in strikes from the money: on the real grid.
                atm = strikes[centre];
                interval = NarrowestGap(window) ?? interval;
            }

            var inWindow = window.ToHashSet();
            foreach (var option in listed.Where(o => inWindow.Contains(o.Strike!.Value)).OrderBy(o => o.Strike).ThenBy(o => o.OptionType))
            {
                if (taken.TryTake(option))
                {
                    picked.Add(option);
                }
            }
        }

        universe = new SimulatedUniverse(IndianMarketTime.IstDate(now), underlyings, futures, picked, expiries, atm, interval, masterDay);
        explanation = Explain(universe, rows, underlyings.Count - 2);
        return true;
    }

    private static int NearestStrikeIndex(decimal[] strikes, decimal reference)
    {
        // Ties go to the lower strike: either is at the money, and a fixed rule keeps restarts identical.
        var best = 0;
        for (var i = 1; i < strikes.Length; i++)
        {
            if (Math.Abs(strikes[i] - reference) < Math.Abs(strikes[best] - reference))
            {
                best = i;
            }
        }

        return best;
    }

    private static decimal? NarrowestGap(decimal[] strikes)
    {
        decimal? narrowest = null;
        for (var i = 1; i < strikes.Length; i++)
        {
            var gap = strikes[i] - strikes[i - 1];
            narrowest = narrowest is { } n && n <= gap ? n : gap;
        }

        return narrowest;
    }

    private static string Explain(SimulatedUniverse universe, MasterRows rows, int stocks)
    {
        var indices = (rows.Index(NiftyToken) is null, rows.Index(BankNiftyToken) is null) switch
        {
            (false, false) => "NIFTY 50 and NIFTY BANK from the master",
            (false, true) => "NIFTY 50 from the master, NIFTY BANK built in",
            (true, false) => "NIFTY BANK from the master, NIFTY 50 built in",
            _ => "both indices built in",
        };
        var expiries = string.Join(", ", universe.NiftyOptionExpiries.Select(e => e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"NIFTY options: {universe.Options.Count} on {expiries} around {universe.NiftyAtmStrike:0.##}; futures: {universe.Futures.Count}; stocks: {stocks} of {Stocks.Length}; {indices}");
    }

    /// <summary>What the simulator can use of a master, read in one pass (a full master holds some 100,000 rows).</summary>
    private sealed class MasterRows
    {
        private readonly Dictionary<InstrumentId, Instrument> _indices = [];
        private readonly List<Instrument> _futures = [];

        public Dictionary<string, Instrument> Equities { get; } = new(StringComparer.Ordinal);

        public List<Instrument> NiftyOptions { get; } = [];

        public static MasterRows Read(IReadOnlyList<Instrument> master, DateOnly firstLiveDate)
        {
            var rows = new MasterRows();
            foreach (var row in master)
            {
                if (row.Id.Segment == ExchangeSegment.NseCm)
                {
                    if (row.Type == InstrumentType.Index)
                    {
                        rows._indices.TryAdd(row.Id, row);
                    }
                    else if (row.Type == InstrumentType.Equity)
                    {
                        rows.Equities.TryAdd(row.TradingSymbol, row);
                    }
                }
                else if (row.Id.Segment == ExchangeSegment.NseFo && row.Expiry is { } expiry && expiry >= firstLiveDate)
                {
                    // Exact names: a substring match on NIFTY would also take FINNIFTY and MIDCPNIFTY.
                    var underlying = UnderlyingNames.Canonical(row.Underlying);
                    if (row is { Type: InstrumentType.Option, Strike: not null, OptionType: not null } && underlying == "NIFTY")
                    {
                        rows.NiftyOptions.Add(row);
                    }
                    else if (row.Type == InstrumentType.Future && underlying is "NIFTY" or "BANKNIFTY")
                    {
                        rows._futures.Add(row);
                    }
                }
            }

            return rows;
        }

        public Instrument? Index(int token) => _indices.GetValueOrDefault(new InstrumentId(ExchangeSegment.NseCm, token));

        public Instrument? NearestFuture(string underlying) =>
            _futures.Where(f => UnderlyingNames.Canonical(f.Underlying) == underlying).OrderBy(f => f.Expiry).FirstOrDefault();
    }

    /// <summary>
    /// The catalog refuses a second instrument with the same token or trading symbol; a damaged master may carry
    /// one, and the first row wins rather than the app failing to start.
    /// </summary>
    private sealed class TakenNames
    {
        private readonly HashSet<InstrumentId> _ids = [];
        private readonly HashSet<string> _symbols = new(StringComparer.OrdinalIgnoreCase);

        public bool TryTake(Instrument instrument)
        {
            if (_ids.Contains(instrument.Id) || _symbols.Contains(instrument.TradingSymbol.Trim()))
            {
                return false;
            }

            _ids.Add(instrument.Id);
            _symbols.Add(instrument.TradingSymbol.Trim());
            return true;
        }
    }
}
