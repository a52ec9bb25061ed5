using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// The instruments of the simulated market for one IST trading date, described as Kotak's
/// scrip master describes them: NIFTY 50 and NIFTY BANK, liquid NSE stocks with their real
/// tokens, NIFTY options on three expiries and the current-month index futures.
/// </summary>
/// <remarks>
/// <see cref="Create"/> builds the built-in universe. Index and stock tokens are NSE's.
/// Derivative tokens are synthetic but stable: computed from expiry, kind and strike (see
/// <see cref="DerivativeToken"/>), so a restart on the same day lists the same tokens. They are
/// nine-digit numbers, far from Kotak's five- and six-digit ones, so a simulated token is never
/// mistaken for a real contract. <see cref="FromScripMaster"/> picks the same kinds of
/// instruments out of a real Kotak scrip master instead.
/// </remarks>
public sealed partial class SimulatedUniverse
{
    /// <summary>NSE token of the NIFTY 50 index.</summary>
    public const int NiftyToken = 26000;

    /// <summary>NSE token of the NIFTY BANK index.</summary>
    public const int BankNiftyToken = 26009;

    /// <summary>Distance between listed NIFTY strikes.</summary>
    public const int NiftyStrikeStep = 50;

    /// <summary>NIFTY contract lot size from the January 2026 expiry.</summary>
    public const int NiftyLotSize = 65;

    /// <summary>NIFTY derivatives' freeze quantity, in units.</summary>
    public const int NiftyFreezeQuantity = 1800;

    /// <summary>BANKNIFTY contract lot size from the January 2026 expiry.</summary>
    public const int BankNiftyLotSize = 30;

    /// <summary>BANKNIFTY derivatives' freeze quantity, in units.</summary>
    public const int BankNiftyFreezeQuantity = 600;

    private const decimal IndexTickSize = 0.01m;
    private const decimal DerivativeTickSize = 0.05m;
    private static readonly DateOnly TokenEpoch = new(2000, 1, 1);

    // Closes of late 2025, rounded: a believable level, fixed so that the strike grid (and so
    // the token list) does not change between restarts on the same day.
    private static readonly StockProfile[] Stocks =
    [
        new(2885, "RELIANCE", "Reliance Industries Ltd", 1510.40m, 0.24, 1.00),
        new(1333, "HDFCBANK", "HDFC Bank Ltd", 991.25m, 0.20, 0.90),
        new(4963, "ICICIBANK", "ICICI Bank Ltd", 1372.80m, 0.22, 1.05),
        new(1594, "INFY", "Infosys Ltd", 1548.60m, 0.26, 0.80),
        new(11536, "TCS", "Tata Consultancy Services Ltd", 3112.50m, 0.22, 0.70),
        new(3045, "SBIN", "State Bank of India", 958.35m, 0.28, 1.20),
        new(1660, "ITC", "ITC Ltd", 404.70m, 0.20, 0.60),
        new(11483, "LT", "Larsen & Toubro Ltd", 4021.90m, 0.25, 1.10),
        new(5900, "AXISBANK", "Axis Bank Ltd", 1268.15m, 0.27, 1.20),
        new(1922, "KOTAKBANK", "Kotak Mahindra Bank Ltd", 2104.60m, 0.24, 0.90),
        new(10604, "BHARTIARTL", "Bharti Airtel Ltd", 2098.30m, 0.22, 0.70),
        new(1394, "HINDUNILVR", "Hindustan Unilever Ltd", 2436.55m, 0.20, 0.50),
    ];

    private readonly Dictionary<InstrumentId, Instrument> _byId;

    private SimulatedUniverse(
        DateOnly tradingDate,
        IReadOnlyList<SimulatedUnderlying> underlyings,
        IReadOnlyList<Instrument> futures,
        IReadOnlyList<Instrument> options,
        IReadOnlyList<DateOnly> optionExpiries,
        decimal atmStrike,
        decimal strikeInterval,
        DateOnly? scripMasterDay)
    {
        TradingDate = tradingDate;
        Underlyings = underlyings;
        Futures = futures;
        Options = options;
        NiftyOptionExpiries = optionExpiries;
        NiftyAtmStrike = atmStrike;
        NiftyStrikeInterval = strikeInterval;
        ScripMasterDay = scripMasterDay;
        Instruments = [.. underlyings.Select(u => u.Instrument), .. futures, .. options];
        _byId = Instruments.ToDictionary(i => i.Id);
    }

    /// <summary>The IST date the universe was built for.</summary>
    public DateOnly TradingDate { get; }

    /// <summary>Every instrument: indices, stocks, futures, options.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The walked instruments (NIFTY first, then NIFTY BANK, then the stocks) with their walk parameters.</summary>
    public IReadOnlyList<SimulatedUnderlying> Underlyings { get; }

    /// <summary>NIFTY and BANKNIFTY current-month futures.</summary>
    public IReadOnlyList<Instrument> Futures { get; }

    /// <summary>NIFTY options, CE and PE, on every expiry in <see cref="NiftyOptionExpiries"/>.</summary>
    public IReadOnlyList<Instrument> Options { get; }

    /// <summary>The option expiries, ascending: built in, two weeklies and a monthly; from a scrip master, its nearest three (or fewer).</summary>
    public IReadOnlyList<DateOnly> NiftyOptionExpiries { get; }

    /// <summary>The strike the option grid is centred on (the listed strike nearest NIFTY's previous close).</summary>
    public decimal NiftyAtmStrike { get; }

    /// <summary>
    /// The distance between neighbouring NIFTY strikes at the money: <see cref="NiftyStrikeStep"/> built in, the
    /// narrowest gap of the nearest expiry's listing when the strikes come from a scrip master.
    /// </summary>
    public decimal NiftyStrikeInterval { get; }

    /// <summary>The day of the Kotak scrip master the contracts were taken from; null for the built-in universe.</summary>
    public DateOnly? ScripMasterDay { get; }

    /// <summary>The NIFTY 50 index.</summary>
    public SimulatedUnderlying Nifty => Underlyings[0];

    /// <summary>The NIFTY BANK index.</summary>
    public SimulatedUnderlying BankNifty => Underlyings[1];

    /// <summary>Looks an instrument up by id.</summary>
    public bool TryGet(InstrumentId id, out Instrument instrument) => _byId.TryGetValue(id, out instrument!);

    /// <summary>Builds the universe as it stands at <paramref name="now"/> (expiries already over are left out).</summary>
    /// <param name="now">The time the universe is for.</param>
    /// <param name="options">The simulator's settings.</param>
    /// <param name="calendar">Exchange holidays: an expiry on one moves to the trading day before. Every weekday trades when null.</param>
    public static SimulatedUniverse Create(DateTimeOffset now, SimulatorOptions options, ITradingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.StrikesEachSide);

        var nifty = BuiltInNifty();
        var underlyings = new List<SimulatedUnderlying>(2 + Stocks.Length) { nifty, BuiltInBankNifty() };
        foreach (var stock in Stocks)
        {
            var tick = stock.PreviousClose > 250m ? 0.05m : 0.01m;
            var equity = new Instrument(
                new InstrumentId(ExchangeSegment.NseCm, stock.Token),
                stock.Symbol + "-EQ",
                stock.Symbol,
                stock.CompanyName,
                InstrumentType.Equity,
                stock.Symbol,
                1,
                tick,
                0);
            underlyings.Add(stock.Walking(equity));
        }

        var futuresExpiry = NiftyExpiryCalendar.CurrentMonthlyExpiry(now, calendar);
        Instrument[] futures =
        [
            Future("NIFTY", futuresExpiry, 2, NiftyLotSize, NiftyFreezeQuantity),
            Future("BANKNIFTY", futuresExpiry, 3, BankNiftyLotSize, BankNiftyFreezeQuantity),
        ];

        var expiries = NiftyExpiryCalendar.OptionExpiries(now, calendar);
        var atm = Math.Round(nifty.PreviousClose / NiftyStrikeStep, MidpointRounding.AwayFromZero) * NiftyStrikeStep;
        var optionList = new List<Instrument>(expiries.Count * ((2 * options.StrikesEachSide) + 1) * 2);
        foreach (var expiry in expiries)
        {
            for (var i = -options.StrikesEachSide; i <= options.StrikesEachSide; i++)
            {
                var strike = atm + (i * NiftyStrikeStep);
                optionList.Add(Option(expiry, strike, OptionType.Call, calendar));
                optionList.Add(Option(expiry, strike, OptionType.Put, calendar));
            }
        }

        return new SimulatedUniverse(IndianMarketTime.IstDate(now), underlyings, futures, optionList, expiries, atm, NiftyStrikeStep, null);
    }

    /// <summary>
    /// The synthetic nse_fo token of a derivative: ((days since 2000-01-01 x 4 + kind) x 10,000) +
    /// strike / 50, where kind is 0 for a NIFTY call, 1 for a NIFTY put, 2 for the NIFTY future and
    /// 3 for the BANKNIFTY future. Unique as long as strikes stay below 500,000.
    /// </summary>
    public static int DerivativeToken(DateOnly expiry, int kind, decimal strike)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(kind);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(kind, 3);
        var days = expiry.DayNumber - TokenEpoch.DayNumber;
        ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(expiry));
        var steps = strike / NiftyStrikeStep;
        if (steps != decimal.Truncate(steps) || steps < 0 || steps >= 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(strike), strike, "Strike must be a non-negative multiple of 50 below 500,000.");
        }

        return checked((((days * 4) + kind) * 10_000) + (int)steps);
    }

    private static Instrument Option(DateOnly expiry, decimal strike, OptionType type, ITradingCalendar? calendar) => new(
        new InstrumentId(ExchangeSegment.NseFo, DerivativeToken(expiry, type == OptionType.Call ? 0 : 1, strike)),
        ContractSymbols.Option("NIFTY", expiry, strike, type, calendar),
        "NIFTY",
        ContractSymbols.OptionDescription("NIFTY", expiry, strike, type),
        InstrumentType.Option,
        "NIFTY",
        NiftyLotSize,
        DerivativeTickSize,
        NiftyFreezeQuantity,
        expiry,
        strike,
        type);

    private static Instrument Future(string underlying, DateOnly expiry, int kind, int lotSize, int freezeQuantity) => new(
        new InstrumentId(ExchangeSegment.NseFo, DerivativeToken(expiry, kind, 0m)),
        ContractSymbols.Future(underlying, expiry),
        underlying,
        ContractSymbols.FutureDescription(underlying, expiry),
        InstrumentType.Future,
        underlying,
        lotSize,
        DerivativeTickSize,
        freezeQuantity,
        expiry);

    private static SimulatedUnderlying BuiltInNifty() => new(
        new Instrument(new InstrumentId(ExchangeSegment.NseCm, NiftyToken), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, IndexTickSize, 0),
        25950.00m,
        0.13,
        1.0);

    private static SimulatedUnderlying BuiltInBankNifty() => new(
        new Instrument(new InstrumentId(ExchangeSegment.NseCm, BankNiftyToken), "Nifty Bank", "BANKNIFTY", "NIFTY BANK index", InstrumentType.Index, "BANKNIFTY", 1, IndexTickSize, 0),
        58870.00m,
        0.15,
        1.1);

    private sealed record StockProfile(int Token, string Symbol, string CompanyName, decimal PreviousClose, double AnnualVolatility, double BetaToNifty)
    {
        public SimulatedUnderlying Walking(Instrument equity) => new(equity, PreviousClose, AnnualVolatility, BetaToNifty);
    }
}
