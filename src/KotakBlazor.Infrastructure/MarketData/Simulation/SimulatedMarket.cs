using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Infrastructure.MarketData.Simulation;

/// <summary>
/// The simulated market's price engine: pure, single-threaded and deterministic for a given
/// <see cref="Random"/> seed and sequence of step times. Only the feed's loop should call it.
/// </summary>
/// <remarks>
/// <para>
/// NIFTY follows a driftless geometric random walk. NIFTY BANK and the stocks follow NIFTY
/// through a beta plus their own noise, so each keeps its total annual volatility:
/// r_i = beta_i * sigma_N * sqrt(tau) * z_N + sigma_e * sqrt(tau) * z_i - sigma_i^2 * tau / 2, with
/// sigma_e^2 = sigma_i^2 - beta_i^2 * sigma_N^2. The walk's clock tau is elapsed wall time in
/// trading-year fractions (252 sessions of 6h15m) times <see cref="SimulatorOptions.TimeCompression"/>;
/// one step never walks more than <see cref="MaxStepGap"/>, so a paused feed resumes without a jump.
/// </para>
/// <para>
/// Futures are spot * exp(r * T). Options are Black-Scholes values on the NIFTY spot with
/// T to 15:30 IST on the expiry date in calendar years, and an implied volatility
/// IV(K) = ATM + <see cref="SkewSlope"/> * (-x) + <see cref="SmileCurvature"/> * x^2 with
/// x = ln(K / NIFTY previous close): puts below the market are dearer, far wings smile.
/// The skew is sticky to strike within the day, so a falling market lifts the IV of the
/// options at the money, as NSE's does. The ATM level wanders around 13% (mean-reverting in
/// log, moving against NIFTY's returns) and stays between 9% and 22%.
/// </para>
/// <para>
/// Prices move every step; each instrument prints with <see cref="SimulatorOptions.TickProbability"/>.
/// A print trades whole lots (at most the freeze quantity), adds to the day's volume, moves
/// a derivative's open interest by whole lots (never below zero) and shows a one- or
/// two-tick book touching the trade. Index prints carry no quantity, volume or book. At
/// the first step of a new IST date the volume restarts and the last price becomes the
/// previous close.
/// </para>
/// </remarks>
public sealed partial class SimulatedMarket
{
    /// <summary>Seconds of trading in a year: 252 sessions of 6 h 15 min.</summary>
    public const double TradingSecondsPerYear = 252.0 * 6.25 * 3600.0;

    /// <summary>The long-run ATM implied volatility of NIFTY options.</summary>
    public const double BaseAtmVolatility = 0.13;

    /// <summary>Vol points added per unit of log-moneyness below the reference (skew).</summary>
    public const double SkewSlope = 0.5;

    /// <summary>Curvature of the smile in log-moneyness squared.</summary>
    public const double SmileCurvature = 3.0;

    /// <summary>The most wall time a single step walks.</summary>
    public static readonly TimeSpan MaxStepGap = TimeSpan.FromSeconds(5);

    private const double AtmVolatilityReversion = 50.0;
    private const double VolatilityOfAtmVolatility = 0.9;
    private const double SpotVolatilityCorrelation = -0.6;
    private const double MinAtmVolatility = 0.09;
    private const double MaxAtmVolatility = 0.22;
    private const double MinImpliedVolatility = 0.04;
    private const double CalendarDaysPerYear = 365.0;

    private readonly SimulatedUniverse _universe;
    private readonly SimulatorOptions _options;
    private readonly Random _random;
    private readonly Quote[] _quotes;
    private readonly Dictionary<InstrumentId, Quote> _byId;
    private readonly double[] _logPrice;
    private readonly double[] _beta;
    private readonly double[] _volatility;
    private readonly double[] _ownVolatility;
    private readonly double _skewReference;
    private readonly List<Tick> _ticks;
    private double _logAtmVolatility;
    private double? _spareGaussian;
    private DateTimeOffset? _lastStep;
    private DateOnly _sessionDate;

    /// <summary>Creates the market at the previous session's close plus a small opening gap.</summary>
    /// <param name="universe">The instruments to quote.</param>
    /// <param name="options">Simulator settings (tick probability, rate, time compression).</param>
    /// <param name="random">The source of randomness; seed it for a reproducible market.</param>
    public SimulatedMarket(SimulatedUniverse universe, SimulatorOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (options.TickProbability is < 0 or > 1 || double.IsNaN(options.TickProbability))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TickProbability, "TickProbability must be between 0 and 1.");
        }

        if (!(options.TimeCompression > 0) || !double.IsFinite(options.TimeCompression))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TimeCompression, "TimeCompression must be positive.");
        }

        _universe = universe;
        _options = options;
        _random = random;
        _sessionDate = universe.TradingDate;
        _ticks = new List<Tick>(universe.Instruments.Count);

        var underlyings = universe.Underlyings;
        _logPrice = new double[underlyings.Count];
        _beta = new double[underlyings.Count];
        _volatility = new double[underlyings.Count];
        _ownVolatility = new double[underlyings.Count];
        var niftyVolatility = underlyings[0].AnnualVolatility;
        var gap = 0.003 * NextGaussian();
        for (var i = 0; i < underlyings.Count; i++)
        {
            var u = underlyings[i];
            _beta[i] = i == 0 ? 1.0 : u.BetaToNifty;
            _volatility[i] = u.AnnualVolatility;

            // The market explains at most what the total volatility allows; the floor keeps
            // every stock moving a little on its own.
            var ownVariance = (u.AnnualVolatility * u.AnnualVolatility) - (_beta[i] * _beta[i] * niftyVolatility * niftyVolatility);
            _ownVolatility[i] = i == 0 ? 0.0 : Math.Sqrt(Math.Max(ownVariance, 0.05 * 0.05));
            _logPrice[i] = Math.Log((double)u.PreviousClose) + (_beta[i] * gap) + (i == 0 ? 0.0 : 0.004 * NextGaussian());
        }

        _skewReference = (double)universe.Nifty.PreviousClose;
        _logAtmVolatility = Math.Log(BaseAtmVolatility);
        var previousCloseTime = PreviousSessionClose(universe.TradingDate);

        _quotes = new Quote[universe.Instruments.Count];
        var index = 0;
        for (var i = 0; i < underlyings.Count; i++)
        {
            var u = underlyings[i];
            var meanLots = u.Instrument.Type == InstrumentType.Index ? 0 : Math.Max(1.0, 200_000.0 / (double)u.PreviousClose);
            _quotes[index++] = new Quote(u.Instrument, QuoteKind.Underlying, i, u.PreviousClose, meanLots, 0);
        }

        foreach (var future in universe.Futures)
        {
            // A scrip master names the index "NIFTY BANK" and its future's underlying "BANKNIFTY": one underlying.
            var underlyingIndex = UnderlyingNames.Canonical(future.Underlying) == UnderlyingNames.Canonical(universe.BankNifty.Instrument.Name) ? 1 : 0;
            var spot = (double)underlyings[underlyingIndex].PreviousClose;
            var previousClose = RoundToTick(spot * Math.Exp(options.RiskFreeRate * YearsToExpiry(future, previousCloseTime)), future.TickSize);
            var openInterestLots = (underlyingIndex == 0 ? 230_000 : 45_000) * (0.9 + (0.2 * _random.NextDouble()));
            var quote = new Quote(future, QuoteKind.Future, underlyingIndex, previousClose, 4.0, Math.Max(1.0, openInterestLots * 0.0004))
            {
                OpenInterest = (long)openInterestLots * future.LotSize,
            };
            _quotes[index++] = quote;
        }

        foreach (var option in universe.Options)
        {
            var previousClose = Price(option, _skewReference, previousCloseTime);
            var distance = (double)((option.Strike!.Value - universe.NiftyAtmStrike) / universe.NiftyStrikeInterval);
            var openInterestLots = InitialOpenInterestLots(option, distance);
            var meanLots = 2.0 + (10.0 * Math.Exp(-distance * distance / 200.0));
            _quotes[index++] = new Quote(option, QuoteKind.Option, 0, previousClose, meanLots, Math.Max(1.0, openInterestLots * 0.0004))
            {
                OpenInterest = (long)openInterestLots * option.LotSize,
            };
        }

        _byId = _quotes.ToDictionary(q => q.Instrument.Id);
    }

    /// <summary>The instruments this market quotes.</summary>
    public SimulatedUniverse Universe => _universe;

    /// <summary>NIFTY's current value, rounded to its tick.</summary>
    public decimal NiftySpot => RoundToTick(Math.Exp(_logPrice[0]), _universe.Nifty.Instrument.TickSize);

    /// <summary>The current ATM implied volatility level (0.13 for 13%).</summary>
    public double AtmVolatility => Math.Exp(_logAtmVolatility);

    /// <summary>Creates a market seeded from <see cref="SimulatorOptions.Seed"/>, or randomly when it is null.</summary>
    public static SimulatedMarket Create(SimulatedUniverse universe, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SimulatedMarket(universe, options, options.Seed is { } seed ? new Random(seed) : new Random());
    }

    /// <summary>The last printed price of an instrument (the previous close before its first tick).</summary>
    public bool TryGetLastPrice(InstrumentId id, out decimal price)
    {
        if (_byId.TryGetValue(id, out var quote))
        {
            price = quote.LastPrice;
            return true;
        }

        price = 0;
        return false;
    }

    /// <summary>
    /// Walks the prices to <paramref name="now"/> and returns this step's ticks. The list is
    /// reused by the next call: copy what must outlive it.
    /// </summary>
    public IReadOnlyList<Tick> Step(DateTimeOffset now)
    {
        _ticks.Clear();
        if (IndianMarketTime.IstDate(now) != _sessionDate)
        {
            StartNewSession(IndianMarketTime.IstDate(now));
        }

        if (_lastStep is { } last && now > last)
        {
            var elapsed = now - last;
            Walk(elapsed < MaxStepGap ? elapsed : MaxStepGap);
        }

        if (_lastStep is null || now > _lastStep)
        {
            _lastStep = now;
        }

        var niftySpot = Math.Exp(_logPrice[0]);
        foreach (var quote in _quotes)
        {
            if (_random.NextDouble() < _options.TickProbability)
            {
                _ticks.Add(Print(quote, niftySpot, now));
            }
        }

        return _ticks;
    }

    private static DateTimeOffset PreviousSessionClose(DateOnly tradingDate)
    {
        var date = tradingDate.AddDays(-1);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(-1);
        }

        return IndianMarketTime.AtIst(date, IndianMarketTime.SessionClose);
    }

    private static decimal RoundToTick(double value, decimal tickSize)
    {
        // Whatever the maths says, a print is at least one tick: NSE has no zero-priced trades.
        // Counting ticks in double is exact for any whole number below 2^53 and keeps decimal
        // division off the per-tick path.
        var rounded = (decimal)Math.Round(value / (double)tickSize, MidpointRounding.AwayFromZero) * tickSize;
        return rounded < tickSize ? tickSize : rounded;
    }

    private double InitialOpenInterestLots(Instrument option, double distance)
    {
        var expiryRank = 0;
        while (_universe.NiftyOptionExpiries[expiryRank] != option.Expiry)
        {
            expiryRank++;
        }

        double[] baseLots = [120_000, 50_000, 35_000];

        // Writers sell out-of-the-money options, so OI piles up above the market in calls and
        // below it in puts, and on round strikes.
        var outOfTheMoney = option.OptionType == OptionType.Call ? distance > 0 : distance < 0;
        var shape = (Math.Exp(-distance * distance / 128.0) * (outOfTheMoney ? 1.3 : 0.6)) + 0.03;
        var strike = option.Strike!.Value;
        var roundness = strike % 500 == 0 ? 1.8 : strike % 100 == 0 ? 1.2 : 1.0;
        return baseLots[expiryRank] * shape * roundness * (0.9 + (0.2 * _random.NextDouble()));
    }

    private void StartNewSession(DateOnly date)
    {
        foreach (var quote in _quotes)
        {
            quote.PreviousClose = quote.LastPrice;
            quote.Volume = 0;
        }

        _sessionDate = date;
    }

    private void Walk(TimeSpan elapsed)
    {
        var tau = elapsed.TotalSeconds / TradingSecondsPerYear * _options.TimeCompression;
        var sqrtTau = Math.Sqrt(tau);
        var marketShock = NextGaussian();
        var niftyVolatility = _volatility[0];
        for (var i = 0; i < _logPrice.Length; i++)
        {
            var ownShock = i == 0 ? 0.0 : NextGaussian();
            _logPrice[i] += (_beta[i] * niftyVolatility * sqrtTau * marketShock)
                + (_ownVolatility[i] * sqrtTau * ownShock)
                - (0.5 * ((_beta[i] * _beta[i] * niftyVolatility * niftyVolatility) + (_ownVolatility[i] * _ownVolatility[i])) * tau);
        }

        var volatilityShock = (SpotVolatilityCorrelation * marketShock)
            + (Math.Sqrt(1 - (SpotVolatilityCorrelation * SpotVolatilityCorrelation)) * NextGaussian());
        var deviation = _logAtmVolatility - Math.Log(BaseAtmVolatility);
        _logAtmVolatility += (-AtmVolatilityReversion * deviation * tau) + (VolatilityOfAtmVolatility * sqrtTau * volatilityShock);
        _logAtmVolatility = Math.Clamp(_logAtmVolatility, Math.Log(MinAtmVolatility), Math.Log(MaxAtmVolatility));
    }

    private Tick Print(Quote quote, double niftySpot, DateTimeOffset now)
    {
        var instrument = quote.Instrument;
        var price = quote.Kind switch
        {
            QuoteKind.Underlying => RoundToTick(Math.Exp(_logPrice[quote.UnderlyingIndex]), instrument.TickSize),
            QuoteKind.Future => RoundToTick(
                Math.Exp(_logPrice[quote.UnderlyingIndex]) * Math.Exp(_options.RiskFreeRate * YearsToExpiry(instrument, now)),
                instrument.TickSize),
            _ => Price(instrument, niftySpot, now),
        };
        quote.LastPrice = price;

        if (instrument.Type == InstrumentType.Index)
        {
            // An index is a computed value: no trades, no book.
            return new Tick(instrument.Id, price, 0, 0, 0, 0m, 0m, quote.PreviousClose, now);
        }

        var lots = 1 + (long)(-Math.Log(1.0 - _random.NextDouble()) * (quote.MeanTradeLots - 1.0));
        if (instrument.FreezeQuantity > 0)
        {
            // A master row whose freeze quantity is below one lot still trades a lot at a time.
            lots = Math.Min(lots, Math.Max(1, instrument.FreezeQuantity / instrument.LotSize));
        }

        var quantity = lots * instrument.LotSize;
        quote.Volume += quantity;

        if (quote.Kind != QuoteKind.Underlying)
        {
            // OI builds slowly through the day, in whole lots, and cannot go below zero.
            var changeLots = (long)Math.Round((NextGaussian() + 0.05) * quote.OpenInterestStepLots);
            quote.OpenInterest = Math.Max(0, quote.OpenInterest + (changeLots * instrument.LotSize));
        }

        var tick = instrument.TickSize;
        var spread = (_random.NextDouble() < 0.3 ? 2 : 1) * tick;
        decimal bid;
        decimal ask;
        if (_random.NextDouble() < 0.5 && price - spread >= tick)
        {
            // A buyer lifted the offer.
            bid = price - spread;
            ask = price;
        }
        else
        {
            bid = price;
            ask = price + spread;
        }

        return new Tick(instrument.Id, price, quantity, quote.Volume, quote.OpenInterest, bid, ask, quote.PreviousClose, now);
    }

    private double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }

        // Box-Muller: two uniforms give two independent standard normals.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareGaussian = radius * Math.Sin(2.0 * Math.PI * u2);
        return radius * Math.Cos(2.0 * Math.PI * u2);
    }
}
