using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Options;

namespace KotakBlazor.Core.Tests.Options;

public class BlackScholesTests
{
    // Hull, Options, Futures and Other Derivatives, Example 15.6: S=42, K=40, r=10%, sigma=20%, T=0.5.
    [Fact]
    public void Hull_example_call_and_put_prices()
    {
        var call = BlackScholes.Price(OptionType.Call, 42, 40, 0.5, 0.20, 0.10);
        var put = BlackScholes.Price(OptionType.Put, 42, 40, 0.5, 0.20, 0.10);

        Assert.Equal(4.76, call, 2);
        Assert.Equal(0.81, put, 2);
        Assert.Equal(4.759422392871535, call, 10);
        Assert.Equal(0.8085993729000958, put, 10);
    }

    // Hull, Chapter 19 (the Greek letters): S=49, K=50, r=5%, sigma=20%, T=20 weeks = 0.3846.
    [Fact]
    public void Hull_example_call_greeks()
    {
        var g = BlackScholes.Greeks(OptionType.Call, 49, 50, 0.3846, 0.20, 0.05);

        Assert.Equal(2.40, g.Price, 2);
        Assert.Equal(0.522, g.Delta, 3);
        Assert.Equal(0.066, g.Gamma, 3);
        Assert.Equal(-4.31, g.ThetaPerYear, 2);
        Assert.Equal(-0.0118, g.ThetaPerCalendarDay, 4);
        Assert.Equal(12.1, g.VegaPerUnit, 1);
        Assert.Equal(0.121, g.VegaPerVolPoint, 3);
        Assert.Equal(8.91, g.RhoPerUnit, 2);
    }

    // Hull, Example 17.1: index call, S=930, K=900, r=8%, q=3%, sigma=20%, T=2 months.
    [Fact]
    public void Hull_example_index_call_with_dividend_yield()
    {
        var call = BlackScholes.Price(OptionType.Call, 930, 900, 2.0 / 12, 0.20, 0.08, 0.03);

        Assert.Equal(51.83, call, 2);
    }

    [Theory]
    [InlineData(42.0, 40.0, 0.5, 0.20, 0.10, 0.00)]
    [InlineData(26000.0, 25000.0, 0.02, 0.13, 0.065, 0.012)]
    [InlineData(26000.0, 28000.0, 0.25, 0.18, 0.065, 0.012)]
    [InlineData(100.0, 100.0, 2.0, 0.45, 0.03, 0.05)]
    public void Put_call_parity_holds(double s, double k, double t, double sigma, double r, double q)
    {
        var call = BlackScholes.Price(OptionType.Call, s, k, t, sigma, r, q);
        var put = BlackScholes.Price(OptionType.Put, s, k, t, sigma, r, q);

        var forwardValue = (s * Math.Exp(-q * t)) - (k * Math.Exp(-r * t));
        Assert.Equal(forwardValue, call - put, 1e-9 * s);
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Price_is_monotone_in_spot_and_delta_matches_the_slope(OptionType type)
    {
        var previous = BlackScholes.Price(type, 20000, 26000, 0.05, 0.14, 0.065);
        for (var s = 20010.0; s <= 32000; s += 10)
        {
            var price = BlackScholes.Price(type, s, 26000, 0.05, 0.14, 0.065);
            if (type == OptionType.Call)
            {
                Assert.True(price >= previous, $"call fell from {previous} to {price} at spot {s}");
            }
            else
            {
                Assert.True(price <= previous, $"put rose from {previous} to {price} at spot {s}");
            }

            previous = price;
        }

        var g = BlackScholes.Greeks(type, 26100, 26000, 0.05, 0.14, 0.065);
        var slope = (BlackScholes.Price(type, 26100.5, 26000, 0.05, 0.14, 0.065) - BlackScholes.Price(type, 26099.5, 26000, 0.05, 0.14, 0.065)) / 1.0;
        Assert.Equal(slope, g.Delta, 6);
    }

    [Fact]
    public void Expired_option_is_worth_its_intrinsic_value()
    {
        Assert.Equal(150.0, BlackScholes.Price(OptionType.Call, 26150, 26000, 0, 0.13, 0.065));
        Assert.Equal(0.0, BlackScholes.Price(OptionType.Put, 26150, 26000, 0, 0.13, 0.065));
        Assert.Equal(50.0, BlackScholes.Price(OptionType.Put, 25950, 26000, -0.01, 0.13, 0.065));

        var g = BlackScholes.Greeks(OptionType.Call, 26150, 26000, 0, 0.13, 0.065);
        Assert.Equal(new OptionGreeks(150, 1, 0, 0, 0, 0), g);
    }

    [Fact]
    public void Zero_volatility_gives_the_discounted_intrinsic_value_of_the_forward()
    {
        var call = BlackScholes.Greeks(OptionType.Call, 100, 100, 1, 0, 0.05);
        var put = BlackScholes.Greeks(OptionType.Put, 100, 100, 1, 0, 0.05);

        Assert.Equal(100 - (100 * Math.Exp(-0.05)), call.Price, 12);
        Assert.Equal(1.0, call.Delta, 12);
        Assert.Equal(0.0, put.Price);
        Assert.Equal(0.0, put.Delta);
        Assert.Equal(call.Price, BlackScholes.Price(OptionType.Call, 100, 100, 1, -0.1, 0.05), 12);
    }

    [Theory]
    [InlineData(1.0, 1e6)]
    [InlineData(1e6, 1.0)]
    [InlineData(26000.0, 26000.0)]
    public void Extreme_moneyness_and_tiny_time_give_finite_results(double s, double k)
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            foreach (var t in new[] { 1e-12, 1e-6, 30.0 })
            {
                foreach (var sigma in new[] { 1e-9, 0.13, 3.0 })
                {
                    var g = BlackScholes.Greeks(type, s, k, t, sigma, 0.065, 0.01);
                    Assert.True(double.IsFinite(g.Price) && g.Price >= 0, $"price {g.Price}");
                    Assert.True(double.IsFinite(g.Delta) && Math.Abs(g.Delta) <= 1, $"delta {g.Delta}");
                    Assert.True(double.IsFinite(g.Gamma) && g.Gamma >= 0, $"gamma {g.Gamma}");
                    Assert.True(double.IsFinite(g.ThetaPerYear), $"theta {g.ThetaPerYear}");
                    Assert.True(double.IsFinite(g.VegaPerUnit) && g.VegaPerUnit >= 0, $"vega {g.VegaPerUnit}");
                }
            }
        }
    }

    [Fact]
    public void Deep_in_the_money_call_is_worth_the_discounted_forward_difference()
    {
        var call = BlackScholes.Price(OptionType.Call, 30000, 20000, 0.1, 0.13, 0.065);

        Assert.Equal(30000 - (20000 * Math.Exp(-0.0065)), call, 6);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholes.Price(OptionType.Call, 0, 100, 1, 0.2, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholes.Price(OptionType.Call, 100, -1, 1, 0.2, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholes.Price(OptionType.Call, 100, 100, double.NaN, 0.2, 0.05));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholes.Price(OptionType.Put, 100, 100, 1, double.PositiveInfinity, 0.05));
    }

    [Fact]
    public void Price_to_tick_rounds_to_the_contract_step()
    {
        var price = BlackScholes.PriceToTick(OptionType.Call, 42m, 40m, 0.5, 0.20, 0.10, 0.05m);

        Assert.Equal(4.75m, price);
    }

    // Reference values: Python's statistics.NormalDist().cdf and 0.5 * erfc(-x / sqrt 2).
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(-3.0, 0.0013498980316300957)]
    [InlineData(3.5, 0.9997673709209645)]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-8.0, 6.220960574271819e-16)]
    public void Normal_cdf_is_accurate(double x, double expected)
    {
        var actual = BlackScholes.NormalCdf(x);

        Assert.Equal(expected, actual, 1e-13);
        if (expected < 1e-3)
        {
            Assert.Equal(1.0, actual / expected, 1e-7);
        }
    }

    [Fact]
    public void Normal_cdf_saturates_in_the_far_tails()
    {
        Assert.Equal(0.0, BlackScholes.NormalCdf(-40));
        Assert.Equal(1.0, BlackScholes.NormalCdf(40));
        Assert.Equal(0.0, BlackScholes.NormalCdf(double.NegativeInfinity));
        Assert.Equal(1.0, BlackScholes.NormalCdf(double.PositiveInfinity));
    }
}
