using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Options;

/// <summary>
/// The Black-Scholes-Merton volatility that reproduces an observed European option price.
/// </summary>
/// <remarks>
/// <para>
/// The search is confined to [<see cref="MinVolatility"/>, <see cref="MaxVolatility"/>]. Prices
/// the model cannot reach inside that bracket are rejected before the search starts, with a
/// reason (<see cref="ImpliedVolatilityFailure"/>), so the loop only ever runs on a bracket
/// that holds the root. Inside it, Newton steps on vega give quadratic convergence near the
/// root; a step that would leave the bracket, or that is not at least halving the step before
/// last, is replaced by bisection (the safeguard of Numerical Recipes' <c>rtsafe</c>). Every
/// step shrinks the bracket, so the loop ends in at most about 45 iterations even on pure
/// bisection, and is in any case cut off at the iteration budget.
/// </para>
/// <para>
/// The solve has converged when the model price is within <see cref="RelativePriceTolerance"/>
/// × max(spot, strike) of the target, or when the volatility step or bracket is narrower than
/// <see cref="VolatilityTolerance"/> (the price function is then flat to double precision and
/// further steps cannot improve the answer). The price tolerance scales with the contract
/// rather than with the option's price so that a deep in-the-money option, whose price is
/// mostly intrinsic value, still has its small time value matched closely.
/// </para>
/// <para>
/// A price equal to the discounted intrinsic value fails with
/// <see cref="ImpliedVolatilityFailure.NoTimeValue"/> rather than returning the lower end of the
/// bracket: any small volatility fits such a price, and a chain showing 0.01% would look like a
/// measurement. The intrinsic floor is the European one (discounted), since NSE options are
/// European; a deep in-the-money put may therefore trade below K − S and still have an
/// implied volatility.
/// </para>
/// <para>Bad inputs never throw and never produce NaN; they fail with a reason.</para>
/// </remarks>
public static class ImpliedVolatility
{
    /// <summary>The lowest volatility searched (0.01%).</summary>
    public const double MinVolatility = 1e-4;

    /// <summary>The highest volatility searched (500%).</summary>
    public const double MaxVolatility = 5.0;

    /// <summary>The iteration budget <see cref="Solve"/> uses unless told otherwise.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>Price tolerance as a fraction of max(spot, strike): 1e-12, or 2.6e-8 rupees at NIFTY levels, well above the noise of the arithmetic.</summary>
    public const double RelativePriceTolerance = 1e-12;

    /// <summary>The volatility step (or bracket width) below which the solve stops: 1e-12.</summary>
    public const double VolatilityTolerance = 1e-12;

    /// <summary>Finds the volatility at which the Black-Scholes-Merton value equals <paramref name="price"/>.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="price">The observed option price per unit of the underlying; must be finite and not negative.</param>
    /// <param name="spot">Price of the underlying; must be positive.</param>
    /// <param name="strike">Strike price; must be positive.</param>
    /// <param name="yearsToExpiry">Years to expiry; zero or negative fails with <see cref="ImpliedVolatilityFailure.Expired"/>.</param>
    /// <param name="riskFreeRate">Continuously compounded annual risk-free rate.</param>
    /// <param name="dividendYield">Continuously compounded annual dividend yield q.</param>
    /// <param name="maxIterations">The iteration budget; must be positive.</param>
    /// <returns>The volatility, or the reason there is none. Never NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIterations"/> is not positive (a programming error, not bad data).</exception>
    public static ImpliedVolatilityResult Solve(
        OptionType type,
        double price,
        double spot,
        double strike,
        double yearsToExpiry,
        double riskFreeRate,
        double dividendYield = 0.0,
        int maxIterations = DefaultMaxIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);

        if (type is not (OptionType.Call or OptionType.Put)
            || !double.IsFinite(price) || price < 0
            || !double.IsFinite(spot) || spot <= 0
            || !double.IsFinite(strike) || strike <= 0
            || double.IsNaN(yearsToExpiry) || double.IsPositiveInfinity(yearsToExpiry)
            || !double.IsFinite(riskFreeRate)
            || !double.IsFinite(dividendYield))
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.InvalidInput);
        }

        if (yearsToExpiry <= 0)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.Expired);
        }

        var discountedSpot = spot * Math.Exp(-dividendYield * yearsToExpiry);
        var discountedStrike = strike * Math.Exp(-riskFreeRate * yearsToExpiry);
        if (!double.IsFinite(discountedSpot) || !double.IsFinite(discountedStrike) || discountedSpot <= 0 || discountedStrike <= 0)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.InvalidInput);
        }

        var isCall = type == OptionType.Call;
        var floor = Math.Max(0.0, isCall ? discountedSpot - discountedStrike : discountedStrike - discountedSpot);
        var ceiling = isCall ? discountedSpot : discountedStrike;
        var tolerance = RelativePriceTolerance * Math.Max(spot, strike);

        if (price < floor - tolerance)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.PriceBelowIntrinsic);
        }

        if (price <= floor + tolerance)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.NoTimeValue);
        }

        if (price >= ceiling - tolerance)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.PriceAboveUpperBound);
        }

        // Price is increasing in volatility, so the error is negative below the root and positive above.
        var low = MinVolatility;
        var errorAtLow = BlackScholes.Price(type, spot, strike, yearsToExpiry, low, riskFreeRate, dividendYield) - price;
        if (errorAtLow > tolerance)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.VolatilityBelowRange);
        }

        if (errorAtLow >= -tolerance)
        {
            return ImpliedVolatilityResult.Success(low, 0);
        }

        var high = MaxVolatility;
        var errorAtHigh = BlackScholes.Price(type, spot, strike, yearsToExpiry, high, riskFreeRate, dividendYield) - price;
        if (errorAtHigh < -tolerance)
        {
            return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.VolatilityAboveRange);
        }

        if (errorAtHigh <= tolerance)
        {
            return ImpliedVolatilityResult.Success(high, 0);
        }

        var volatility = Math.Clamp(InitialGuess(price, spot, strike, yearsToExpiry, riskFreeRate, dividendYield), low, high);
        var stepBeforeLast = high - low;
        var lastStep = stepBeforeLast;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var greeks = BlackScholes.Greeks(type, spot, strike, yearsToExpiry, volatility, riskFreeRate, dividendYield);
            var error = greeks.Price - price;
            if (Math.Abs(error) <= tolerance)
            {
                return ImpliedVolatilityResult.Success(volatility, iteration);
            }

            if (error < 0)
            {
                low = volatility;
            }
            else
            {
                high = volatility;
            }

            var vega = greeks.VegaPerUnit;
            var next = vega > 0 ? volatility - (error / vega) : double.NaN;

            // NaN fails every comparison below, so a zero vega falls through to bisection too.
            var newtonIsSafe = next > low && next < high && Math.Abs(2.0 * error) <= Math.Abs(stepBeforeLast * vega);
            stepBeforeLast = lastStep;
            if (newtonIsSafe)
            {
                lastStep = next - volatility;
            }
            else
            {
                lastStep = 0.5 * (high - low);
                next = low + lastStep;
            }

            if (Math.Abs(lastStep) <= VolatilityTolerance)
            {
                return ImpliedVolatilityResult.Success(next, iteration);
            }

            volatility = next;
        }

        return ImpliedVolatilityResult.Failure(ImpliedVolatilityFailure.NoConvergence, maxIterations);
    }

    private static double InitialGuess(double price, double spot, double strike, double t, double r, double q)
    {
        // Manaster and Koehler (1982): the volatility at the inflection point of price against
        // volatility, from which Newton converges monotonically. At the forward money it is 0,
        // so fall back to Brenner and Subrahmanyam's at-the-money approximation.
        var logMoneyness = Math.Log(spot / strike) + ((r - q) * t);
        var inflection = Math.Sqrt(2.0 * Math.Abs(logMoneyness) / t);
        return inflection > MinVolatility ? inflection : Math.Sqrt(2.0 * Math.PI / t) * price / spot;
    }
}
