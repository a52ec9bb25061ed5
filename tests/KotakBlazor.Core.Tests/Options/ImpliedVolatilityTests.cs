using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;

namespace KotakBlazor.Core.Tests.Options;

public class ImpliedVolatilityTests
{
    private const double Rate = 0.065;

    // Hull, Options, Futures and Other Derivatives, "Implied volatilities" (section 15.11 in the
    // 9th edition): a European call worth 1.875 with S=21, K=20, r=0.1, T=0.25 implies 0.235.
    [Fact]
    public void Hull_implied_volatility_example()
    {
        var result = ImpliedVolatility.Solve(OptionType.Call, 1.875, 21, 20, 0.25, 0.10);

        Assert.True(result.Succeeded, result.FailureReason.ToString());
        Assert.Equal(0.235, result.Volatility, 0.0005);
        Assert.Equal(1.875, BlackScholes.Price(OptionType.Call, 21, 20, 0.25, result.Volatility, 0.10), 1e-9);
        Assert.InRange(result.Iterations, 1, 10);
        Assert.Equal(ImpliedVolatilityFailure.None, result.FailureReason);
        Assert.Equal(result.Volatility, result.VolatilityOrNull);
    }

    [Theory]
    [InlineData(OptionType.Call, 100.0, 0.0)]
    [InlineData(OptionType.Put, 100.0, 0.0)]
    [InlineData(OptionType.Call, 26000.0, 0.012)]
    [InlineData(OptionType.Put, 26000.0, 0.012)]
    public void Round_trips_the_volatility_over_moneyness_expiry_and_volatility(OptionType type, double spot, double dividendYield)
    {
        double[] moneyness = [0.8, 0.9, 0.97, 1.0, 1.03, 1.1, 1.25];
        double[] days = [1, 7, 30, 91, 365];
        double[] volatilities = [0.05, 0.10, 0.20, 0.40, 0.80, 1.50];
        var checkedTightly = 0;
        var total = 0;
        foreach (var m in moneyness)
        {
            foreach (var d in days)
            {
                foreach (var sigma in volatilities)
                {
                    total++;
                    var strike = spot * m;
                    var t = d / 365.0;
                    var model = BlackScholes.Greeks(type, spot, strike, t, sigma, Rate, dividendYield);
                    var result = ImpliedVolatility.Solve(type, model.Price, spot, strike, t, Rate, dividendYield);
                    var where = $"K/S={m} days={d} sigma={sigma} price={model.Price} -> {result}";

                    Assert.False(double.IsNaN(result.Volatility), where);

                    // The inverse is well posed only where the price moves with volatility; far
                    // from the money at short dates the price is pure intrinsic (or zero) to
                    // double precision and any small volatility fits it.
                    if (model.VegaPerUnit >= 1e-4 * Math.Max(spot, strike))
                    {
                        checkedTightly++;
                        Assert.True(result.Succeeded, where);
                        Assert.Equal(sigma, result.Volatility, 1e-6);
                        Assert.InRange(result.Iterations, 1, 20);
                    }
                    else if (result.Succeeded)
                    {
                        var repriced = BlackScholes.Price(type, spot, strike, t, result.Volatility, Rate, dividendYield);
                        Assert.Equal(model.Price, repriced, 1e-9 * Math.Max(spot, strike));
                    }
                    else
                    {
                        Assert.Contains(result.FailureReason, new[] { ImpliedVolatilityFailure.NoTimeValue, ImpliedVolatilityFailure.VolatilityBelowRange });
                    }
                }
            }
        }

        // Guard against a grid that silently stops testing anything.
        Assert.True(checkedTightly >= total * 2 / 3, $"only {checkedTightly} of {total} points were well posed");
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Solves_at_the_money_fifteen_minutes_before_expiry(OptionType type)
    {
        var t = 15.0 / (365 * 24 * 60);
        var price = BlackScholes.Price(type, 26012.35, 26000, t, 0.14, Rate);

        var result = ImpliedVolatility.Solve(type, price, 26012.35, 26000, t, Rate);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(0.14, result.Volatility, 1e-6);
    }

    [Fact]
    public void Deep_in_the_money_put_at_plain_intrinsic_still_has_a_volatility()
    {
        // A European put's floor is K·e^(−rT) − S, below K − S; the 100 of carry is time value.
        var spot = 20000.0;
        var strike = 26000.0;
        var t = 0.25;
        var result = ImpliedVolatility.Solve(OptionType.Put, strike - spot, spot, strike, t, Rate);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(strike - spot, BlackScholes.Price(OptionType.Put, spot, strike, t, result.Volatility, Rate), 1e-6);
    }

    [Fact]
    public void Price_below_the_discounted_intrinsic_value_is_reported()
    {
        // Floor: 120 − 100·e^(−0.065·0.5) = 23.20; 20 is below it.
        var result = ImpliedVolatility.Solve(OptionType.Call, 20, 120, 100, 0.5, Rate);

        AssertFailed(result, ImpliedVolatilityFailure.PriceBelowIntrinsic);
    }

    [Fact]
    public void Price_at_the_discounted_intrinsic_value_has_no_time_value()
    {
        var floor = 120 - (100 * Math.Exp(-Rate * 0.5));

        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, floor, 120, 100, 0.5, Rate), ImpliedVolatilityFailure.NoTimeValue);
        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, 0, 100, 120, 0.5, Rate), ImpliedVolatilityFailure.NoTimeValue);
    }

    [Fact]
    public void Price_at_or_above_the_no_arbitrage_ceiling_is_reported()
    {
        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, 100, 100, 90, 0.5, Rate), ImpliedVolatilityFailure.PriceAboveUpperBound);
        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, 150, 100, 90, 0.5, Rate), ImpliedVolatilityFailure.PriceAboveUpperBound);
        AssertFailed(ImpliedVolatility.Solve(OptionType.Put, 100 * Math.Exp(-Rate * 0.5), 100, 100, 0.5, Rate), ImpliedVolatilityFailure.PriceAboveUpperBound);
    }

    [Fact]
    public void Prices_outside_the_searched_volatilities_are_reported()
    {
        // At 500% for a year an at-the-money call is worth about 98.8% of spot; at 0.01% about 0.004.
        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, 99.5, 100, 100, 1, 0), ImpliedVolatilityFailure.VolatilityAboveRange);
        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, 0.002, 100, 100, 1, 0), ImpliedVolatilityFailure.VolatilityBelowRange);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NegativeInfinity)]
    public void Expired_options_are_reported(double t)
    {
        AssertFailed(ImpliedVolatility.Solve(OptionType.Call, 5, 100, 100, t, Rate), ImpliedVolatilityFailure.Expired);
    }

    [Theory]
    [InlineData(double.NaN, 100.0, 100.0, 0.5, Rate)]
    [InlineData(-1.0, 100.0, 100.0, 0.5, Rate)]
    [InlineData(double.PositiveInfinity, 100.0, 100.0, 0.5, Rate)]
    [InlineData(5.0, double.NaN, 100.0, 0.5, Rate)]
    [InlineData(5.0, 0.0, 100.0, 0.5, Rate)]
    [InlineData(5.0, -100.0, 100.0, 0.5, Rate)]
    [InlineData(5.0, 100.0, 0.0, 0.5, Rate)]
    [InlineData(5.0, 100.0, double.PositiveInfinity, 0.5, Rate)]
    [InlineData(5.0, 100.0, 100.0, double.NaN, Rate)]
    [InlineData(5.0, 100.0, 100.0, double.PositiveInfinity, Rate)]
    [InlineData(5.0, 100.0, 100.0, 0.5, double.NaN)]
    [InlineData(5.0, 100.0, 100.0, 0.5, -1e6)]
    public void Invalid_inputs_are_reported(double price, double spot, double strike, double t, double rate)
    {
        AssertFailed(ImpliedVolatility.Solve(OptionType.Put, price, spot, strike, t, rate), ImpliedVolatilityFailure.InvalidInput);
    }

    [Fact]
    public void Undefined_option_type_is_invalid_input()
    {
        AssertFailed(ImpliedVolatility.Solve((OptionType)7, 5, 100, 100, 0.5, Rate), ImpliedVolatilityFailure.InvalidInput);
    }

    [Fact]
    public void Running_out_of_iterations_is_reported()
    {
        var result = ImpliedVolatility.Solve(OptionType.Call, 1.875, 21, 20, 0.25, 0.10, maxIterations: 1);

        AssertFailed(result, ImpliedVolatilityFailure.NoConvergence);
        Assert.Equal(1, result.Iterations);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpliedVolatility.Solve(OptionType.Call, 1.875, 21, 20, 0.25, 0.10, maxIterations: 0));
    }

    [Fact]
    public void Arbitrary_inputs_never_throw_loop_or_return_nan()
    {
        var random = new Random(20251124);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -1, double.Epsilon, 1e300, -1e-300];
        double Draw(double scale) => random.Next(10) == 0 ? specials[random.Next(specials.Length)] : scale * Math.Exp((random.NextDouble() * 8) - 4);

        for (var i = 0; i < 20_000; i++)
        {
            var type = random.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var spot = Draw(100);
            var strike = Draw(100);
            var t = Draw(0.1);
            var rate = random.Next(10) == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() * 0.3) - 0.05;
            var price = Draw(10);

            var result = ImpliedVolatility.Solve(type, price, spot, strike, t, rate, random.NextDouble() * 0.05);

            var where = $"{type} price={price} S={spot} K={strike} T={t} r={rate} -> {result}";
            Assert.True(double.IsFinite(result.Volatility), where);
            Assert.InRange(result.Iterations, 0, ImpliedVolatility.DefaultMaxIterations);
            if (result.Succeeded)
            {
                Assert.InRange(result.Volatility, ImpliedVolatility.MinVolatility, ImpliedVolatility.MaxVolatility);
                Assert.NotEqual(ImpliedVolatilityFailure.NoConvergence, result.FailureReason);
            }
            else
            {
                Assert.Equal(0.0, result.Volatility);
                Assert.NotEqual(ImpliedVolatilityFailure.NoConvergence, result.FailureReason);
            }
        }
    }

    private static void AssertFailed(ImpliedVolatilityResult result, ImpliedVolatilityFailure reason)
    {
        Assert.Equal(reason, result.FailureReason);
        Assert.False(result.Succeeded);
        Assert.Equal(0.0, result.Volatility);
        Assert.Null(result.VolatilityOrNull);
    }
}
