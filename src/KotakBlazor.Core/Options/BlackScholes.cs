using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Options;

/// <summary>
/// European option values and greeks under Black-Scholes-Merton with a continuous dividend
/// yield q. Inputs and outputs are <see cref="double"/> because this is the model's
/// arithmetic; callers round a value to the contract's tick size (<see cref="PriceToTick"/>
/// or <see cref="Instrument.RoundToTick"/>) before it becomes a price anyone trades on.
/// </summary>
/// <remarks>
/// Time is in years, rates and volatility are annual decimals (0.065 for 6.5%). The edges
/// never produce NaN: at or past expiry the value is the intrinsic value, with zero
/// volatility it is the discounted intrinsic value of the forward, and deep in or out of
/// the money the normal CDF saturates to exactly 0 or 1.
/// </remarks>
public static class BlackScholes
{
    private const double InverseSqrtTwoPi = 0.398942280401432677939946059934;

    /// <summary>The value of a European call or put.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Price of the underlying; must be positive.</param>
    /// <param name="strike">Strike price; must be positive.</param>
    /// <param name="timeToExpiryYears">Years to expiry; zero or negative means expired.</param>
    /// <param name="volatility">Annual volatility (0.13 for 13%); zero or negative means none.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate.</param>
    /// <param name="dividendYield">Continuously compounded annual dividend yield q.</param>
    public static double Price(
        OptionType type,
        double spot,
        double strike,
        double timeToExpiryYears,
        double volatility,
        double riskFreeRate,
        double dividendYield = 0.0) =>
        Greeks(type, spot, strike, timeToExpiryYears, volatility, riskFreeRate, dividendYield).Price;

    /// <summary>
    /// The value rounded to the nearest multiple of <paramref name="tickSize"/>, as a price.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Price of the underlying; must be positive.</param>
    /// <param name="strike">Strike price; must be positive.</param>
    /// <param name="timeToExpiryYears">Years to expiry; zero or negative means expired.</param>
    /// <param name="volatility">Annual volatility; zero or negative means none.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate.</param>
    /// <param name="tickSize">The contract's price step in rupees; must be positive.</param>
    /// <param name="dividendYield">Continuously compounded annual dividend yield q.</param>
    public static decimal PriceToTick(
        OptionType type,
        decimal spot,
        decimal strike,
        double timeToExpiryYears,
        double volatility,
        double riskFreeRate,
        decimal tickSize,
        double dividendYield = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickSize);
        var value = Price(type, (double)spot, (double)strike, timeToExpiryYears, volatility, riskFreeRate, dividendYield);
        return Math.Round((decimal)value / tickSize, MidpointRounding.AwayFromZero) * tickSize;
    }

    /// <summary>The value and its greeks (see <see cref="OptionGreeks"/> for the units).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="spot">Price of the underlying; must be positive.</param>
    /// <param name="strike">Strike price; must be positive.</param>
    /// <param name="timeToExpiryYears">Years to expiry; zero or negative means expired.</param>
    /// <param name="volatility">Annual volatility; zero or negative means none.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate.</param>
    /// <param name="dividendYield">Continuously compounded annual dividend yield q.</param>
    /// <exception cref="ArgumentOutOfRangeException">Spot or strike not positive, or any input not finite.</exception>
    public static OptionGreeks Greeks(
        OptionType type,
        double spot,
        double strike,
        double timeToExpiryYears,
        double volatility,
        double riskFreeRate,
        double dividendYield = 0.0)
    {
        // Bad market data must fail loudly here rather than flow on as NaN prices.
        ThrowIfNotPositiveFinite(spot, nameof(spot));
        ThrowIfNotPositiveFinite(strike, nameof(strike));
        ThrowIfNotFinite(timeToExpiryYears, nameof(timeToExpiryYears));
        ThrowIfNotFinite(volatility, nameof(volatility));
        ThrowIfNotFinite(riskFreeRate, nameof(riskFreeRate));
        ThrowIfNotFinite(dividendYield, nameof(dividendYield));

        var isCall = type == OptionType.Call;
        if (timeToExpiryYears <= 0)
        {
            return Expired(isCall, spot, strike);
        }

        var t = timeToExpiryYears;
        var spotDiscount = Math.Exp(-dividendYield * t);
        var strikeDiscount = Math.Exp(-riskFreeRate * t);
        var discountedSpot = spot * spotDiscount;
        var discountedStrike = strike * strikeDiscount;

        if (volatility <= 0)
        {
            return WithoutVolatility(isCall, discountedSpot, discountedStrike, spotDiscount, t, riskFreeRate, dividendYield);
        }

        var volSqrtT = volatility * Math.Sqrt(t);
        var d1 = (Math.Log(spot / strike) + ((riskFreeRate - dividendYield + (0.5 * volatility * volatility)) * t)) / volSqrtT;
        var d2 = d1 - volSqrtT;
        var densityD1 = NormalPdf(d1);

        // Shared by calls and puts: the time decay of the volatility part and the convexity.
        var gamma = spotDiscount * densityD1 / (spot * volSqrtT);
        var vega = discountedSpot * densityD1 * Math.Sqrt(t);
        var volatilityDecay = -discountedSpot * densityD1 * volatility / (2.0 * Math.Sqrt(t));

        if (isCall)
        {
            var nd1 = NormalCdf(d1);
            var nd2 = NormalCdf(d2);
            return new OptionGreeks(
                Price: Math.Max(0.0, (discountedSpot * nd1) - (discountedStrike * nd2)),
                Delta: spotDiscount * nd1,
                Gamma: gamma,
                ThetaPerYear: volatilityDecay - (riskFreeRate * discountedStrike * nd2) + (dividendYield * discountedSpot * nd1),
                VegaPerUnit: vega,
                RhoPerUnit: t * discountedStrike * nd2);
        }

        var nMinusD1 = NormalCdf(-d1);
        var nMinusD2 = NormalCdf(-d2);
        return new OptionGreeks(
            Price: Math.Max(0.0, (discountedStrike * nMinusD2) - (discountedSpot * nMinusD1)),
            Delta: -spotDiscount * nMinusD1,
            Gamma: gamma,
            ThetaPerYear: volatilityDecay + (riskFreeRate * discountedStrike * nMinusD2) - (dividendYield * discountedSpot * nMinusD1),
            VegaPerUnit: vega,
            RhoPerUnit: -t * discountedStrike * nMinusD2);
    }

    /// <summary>
    /// The standard normal cumulative distribution function, accurate to about 1e-14
    /// absolute and 1e-8 relative in the tails (Hart's double-precision rational
    /// approximation, as published by West, 2005).
    /// </summary>
    public static double NormalCdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var absX = Math.Abs(x);
        double tail;
        if (absX > 37.0)
        {
            // Below double precision: exactly 0 (or 1), which keeps deep wings free of NaN.
            tail = 0.0;
        }
        else
        {
            var exponential = Math.Exp(-0.5 * absX * absX);
            if (absX < 7.07106781186547)
            {
                var numerator = (0.0352624965998911 * absX) + 0.700383064443688;
                numerator = (numerator * absX) + 6.37396220353165;
                numerator = (numerator * absX) + 33.912866078383;
                numerator = (numerator * absX) + 112.079291497871;
                numerator = (numerator * absX) + 221.213596169931;
                numerator = (numerator * absX) + 220.206867912376;
                var denominator = (0.0883883476483184 * absX) + 1.75566716318264;
                denominator = (denominator * absX) + 16.064177579207;
                denominator = (denominator * absX) + 86.7807322029461;
                denominator = (denominator * absX) + 296.564248779674;
                denominator = (denominator * absX) + 637.333633378831;
                denominator = (denominator * absX) + 793.826512519948;
                denominator = (denominator * absX) + 440.413735824752;
                tail = exponential * numerator / denominator;
            }
            else
            {
                // Continued fraction for the far tail, where the rational form loses accuracy.
                var fraction = absX + 0.65;
                fraction = absX + (4.0 / fraction);
                fraction = absX + (3.0 / fraction);
                fraction = absX + (2.0 / fraction);
                fraction = absX + (1.0 / fraction);
                tail = exponential / fraction / 2.506628274631;
            }
        }

        return x > 0 ? 1.0 - tail : tail;
    }

    /// <summary>The standard normal density.</summary>
    public static double NormalPdf(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    private static OptionGreeks Expired(bool isCall, double spot, double strike)
    {
        // At expiry only the payoff is left; delta is the step of the payoff (0 at the money,
        // where an exercise decision is a coin toss anyway).
        if (isCall)
        {
            return new OptionGreeks(Math.Max(0.0, spot - strike), spot > strike ? 1.0 : 0.0, 0, 0, 0, 0);
        }

        return new OptionGreeks(Math.Max(0.0, strike - spot), spot < strike ? -1.0 : 0.0, 0, 0, 0, 0);
    }

    private static OptionGreeks WithoutVolatility(
        bool isCall,
        double discountedSpot,
        double discountedStrike,
        double spotDiscount,
        double t,
        double riskFreeRate,
        double dividendYield)
    {
        // With no uncertainty the option is the discounted forward payoff; its greeks are
        // those of a forward contract when in the money and zero otherwise.
        var callInTheMoney = discountedSpot > discountedStrike;
        var putInTheMoney = discountedSpot < discountedStrike;
        if (isCall)
        {
            return callInTheMoney
                ? new OptionGreeks(
                    discountedSpot - discountedStrike,
                    spotDiscount,
                    0,
                    (dividendYield * discountedSpot) - (riskFreeRate * discountedStrike),
                    0,
                    t * discountedStrike)
                : default;
        }

        return putInTheMoney
            ? new OptionGreeks(
                discountedStrike - discountedSpot,
                -spotDiscount,
                0,
                (riskFreeRate * discountedStrike) - (dividendYield * discountedSpot),
                0,
                -t * discountedStrike)
            : default;
    }

    private static void ThrowIfNotPositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive, finite number.");
        }
    }

    private static void ThrowIfNotFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number.");
        }
    }
}
