using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;

namespace KotakBlazor.Infrastructure.Tests.MarketData.Simulation;

public class SimulatedMarketTests
{
    private const int Seed = 20261123;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly DateTimeOffset MondayTen = IndianMarketTime.AtIst(new DateOnly(2026, 11, 23), new TimeOnly(10, 0));

    private static SimulatedMarket CreateMarket(int seed = Seed, DateTimeOffset? at = null)
    {
        var options = new SimulatorOptions { Seed = seed };
        var universe = SimulatedUniverse.Create(at ?? MondayTen, options);
        return new SimulatedMarket(universe, options, new Random(seed));
    }

    [Fact]
    public void Thousands_of_steps_keep_every_tick_well_formed()
    {
        var market = CreateMarket();
        var instruments = market.Universe.Instruments.ToDictionary(i => i.Id);
        var volume = new Dictionary<InstrumentId, long>();
        var tickCounts = new Dictionary<InstrumentId, int>();
        var openInterestChanged = 0;
        var openInterest = new Dictionary<InstrumentId, long>();
        const int steps = 4000;

        for (var step = 0; step < steps; step++)
        {
            var now = MondayTen + (Interval * step);
            foreach (var tick in market.Step(now))
            {
                var instrument = instruments[tick.Instrument];
                var tickSize = instrument.TickSize;
                Assert.Equal(now, tick.ExchangeTime);
                Assert.True(tick.LastPrice > 0, $"{instrument.TradingSymbol} printed {tick.LastPrice}");
                Assert.Equal(0m, tick.LastPrice % tickSize);
                Assert.True(tick.PreviousClose > 0);
                Assert.Equal(0m, tick.PreviousClose % tickSize);

                var previousVolume = volume.GetValueOrDefault(tick.Instrument);
                Assert.True(tick.Volume >= previousVolume, $"{instrument.TradingSymbol} volume fell");
                volume[tick.Instrument] = tick.Volume;
                Assert.True(tick.OpenInterest >= 0);

                if (instrument.IsTradable)
                {
                    Assert.True(tick.LastQuantity > 0);
                    Assert.Equal(0, tick.LastQuantity % instrument.LotSize);
                    Assert.True(instrument.FreezeQuantity == 0 || tick.LastQuantity <= instrument.FreezeQuantity);
                    Assert.Equal(previousVolume + tick.LastQuantity, tick.Volume);
                    Assert.True(tick.BidPrice > 0 && tick.BidPrice < tick.AskPrice, $"{instrument.TradingSymbol} book {tick.BidPrice}/{tick.AskPrice}");
                    Assert.InRange(tick.LastPrice, tick.BidPrice, tick.AskPrice);
                    Assert.Equal(0m, tick.BidPrice % tickSize);
                    Assert.Equal(0m, tick.AskPrice % tickSize);
                }
                else
                {
                    Assert.Equal(0, tick.LastQuantity);
                    Assert.Equal(0, tick.Volume);
                }

                if (instrument.Type is InstrumentType.Option or InstrumentType.Future)
                {
                    Assert.Equal(0, tick.OpenInterest % instrument.LotSize);
                    if (openInterest.TryGetValue(tick.Instrument, out var before) && before != tick.OpenInterest)
                    {
                        openInterestChanged++;
                    }

                    openInterest[tick.Instrument] = tick.OpenInterest;
                }
                else
                {
                    Assert.Equal(0, tick.OpenInterest);
                }

                tickCounts[tick.Instrument] = tickCounts.GetValueOrDefault(tick.Instrument) + 1;
            }
        }

        var seconds = (Interval * steps).TotalSeconds;
        Assert.Equal(instruments.Count, tickCounts.Count);
        Assert.All(tickCounts.Values, count => Assert.True(count / seconds >= 3.0, $"only {count / seconds:F2} ticks/s"));
        Assert.True(openInterestChanged > 1000, "open interest barely moved");
    }

    [Fact]
    public void Nifty_walks_visibly_and_stocks_follow_it()
    {
        var market = CreateMarket();
        var nifty = market.Universe.Nifty.Instrument.Id;
        var hdfcBank = market.Universe.Underlyings.Single(u => u.Instrument.Name == "HDFCBANK").Instrument.Id;
        var niftyPrices = new List<double>();
        var stockPrices = new List<double>();

        // 12,000 steps of 250 ms: 50 minutes, sampled every 10 s.
        for (var step = 0; step < 12_000; step++)
        {
            market.Step(MondayTen + (Interval * step));
            if (step % 40 == 0)
            {
                Assert.True(market.TryGetLastPrice(nifty, out var n));
                Assert.True(market.TryGetLastPrice(hdfcBank, out var s));
                niftyPrices.Add((double)n);
                stockPrices.Add((double)s);
            }
        }

        var niftyRange = niftyPrices.Max() - niftyPrices.Min();
        Assert.InRange(niftyRange, 30.0, 1500.0);

        var niftyReturns = LogReturns(niftyPrices);
        var stockReturns = LogReturns(stockPrices);
        var correlation = Correlation(niftyReturns, stockReturns);

        // HDFCBANK: beta 0.9, 20% total volatility against NIFTY's 13%: correlation 0.585 in theory.
        Assert.InRange(correlation, 0.35, 0.8);
    }

    [Fact]
    public void Option_values_rise_with_spot_for_calls_and_fall_for_puts()
    {
        var market = CreateMarket();
        market.Step(MondayTen);
        var atm = (double)market.Universe.NiftyAtmStrike;

        foreach (var option in market.Universe.Options)
        {
            var previous = market.OptionPrice(option, (decimal)(atm * 0.96), MondayTen);
            for (var spot = atm * 0.96; spot <= atm * 1.04; spot += 5)
            {
                var price = market.OptionPrice(option, (decimal)spot, MondayTen);
                if (option.OptionType == OptionType.Call)
                {
                    Assert.True(price >= previous, $"{option.TradingSymbol} fell from {previous} to {price} at spot {spot}");
                }
                else
                {
                    Assert.True(price <= previous, $"{option.TradingSymbol} rose from {previous} to {price} at spot {spot}");
                }

                previous = price;
            }
        }
    }

    [Fact]
    public void Printed_option_prices_move_with_the_printed_spot()
    {
        var market = CreateMarket();
        var expiry = market.Universe.NiftyOptionExpiries[0];
        var atm = market.Universe.NiftyAtmStrike;
        var call = market.Universe.Options.Single(o => o.Expiry == expiry && o.Strike == atm && o.OptionType == OptionType.Call).Id;
        var put = market.Universe.Options.Single(o => o.Expiry == expiry && o.Strike == atm && o.OptionType == OptionType.Put).Id;
        var observations = new List<(decimal Spot, decimal Call, decimal Put)>();

        for (var step = 0; step < 8000; step++)
        {
            var ticks = market.Step(MondayTen + (Interval * step));
            Tick? callTick = null;
            Tick? putTick = null;
            foreach (var tick in ticks)
            {
                if (tick.Instrument == call)
                {
                    callTick = tick;
                }
                else if (tick.Instrument == put)
                {
                    putTick = tick;
                }
            }

            if (callTick is { } c && putTick is { } p)
            {
                observations.Add((market.NiftySpot, c.LastPrice, p.LastPrice));
            }
        }

        var compared = 0;
        for (var i = 1; i < observations.Count; i++)
        {
            var move = observations[i].Spot - observations[i - 1].Spot;
            if (Math.Abs(move) < 3m)
            {
                continue;
            }

            compared++;
            Assert.Equal(Math.Sign(move), Math.Sign(observations[i].Call - observations[i - 1].Call));
            Assert.Equal(-Math.Sign(move), Math.Sign(observations[i].Put - observations[i - 1].Put));
        }

        Assert.True(compared > 200, $"only {compared} meaningful moves compared");
    }

    [Fact]
    public void Volatility_surface_has_a_put_skew_around_a_thirteen_percent_atm()
    {
        var market = CreateMarket();
        var atm = market.Universe.NiftyAtmStrike;

        Assert.InRange(market.AtmVolatility, 0.12, 0.14);
        Assert.InRange(market.ImpliedVolatility(atm), 0.12, 0.14);
        Assert.True(market.ImpliedVolatility(atm - 1000) > market.ImpliedVolatility(atm - 500));
        Assert.True(market.ImpliedVolatility(atm - 500) > market.ImpliedVolatility(atm));
        Assert.True(market.ImpliedVolatility(atm) > market.ImpliedVolatility(atm + 500));

        for (var step = 0; step < 10_000; step++)
        {
            market.Step(MondayTen + (Interval * step));
            Assert.InRange(market.AtmVolatility, 0.09, 0.22);
        }
    }

    [Fact]
    public void Futures_trade_at_a_carry_premium_to_spot()
    {
        var market = CreateMarket();
        var future = market.Universe.Futures.Single(f => f.Underlying == "NIFTY");
        var ticks = Enumerable.Range(0, 20).SelectMany(i => market.Step(MondayTen + (Interval * i)).ToList()).ToList();
        var spot = market.NiftySpot;
        var last = ticks.Last(t => t.Instrument == future.Id);

        var years = (IndianMarketTime.AtIst(future.Expiry!.Value, IndianMarketTime.SessionClose) - MondayTen).TotalDays / 365.0;
        var fair = (double)spot * Math.Exp(0.065 * years);
        Assert.True(last.LastPrice > spot);
        Assert.InRange((double)last.LastPrice, fair - 5, fair + 5);
    }

    [Fact]
    public void Same_seed_and_clock_give_the_same_ticks()
    {
        var first = CreateMarket(7);
        var second = CreateMarket(7);
        var third = CreateMarket(8);

        var a = Enumerable.Range(0, 200).SelectMany(i => first.Step(MondayTen + (Interval * i)).ToList()).ToList();
        var b = Enumerable.Range(0, 200).SelectMany(i => second.Step(MondayTen + (Interval * i)).ToList()).ToList();
        var c = Enumerable.Range(0, 200).SelectMany(i => third.Step(MondayTen + (Interval * i)).ToList()).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_new_ist_day_restarts_volume_and_moves_the_previous_close()
    {
        var market = CreateMarket();
        var reliance = market.Universe.Underlyings.Single(u => u.Instrument.Name == "RELIANCE").Instrument.Id;
        var closeOfDay = IndianMarketTime.AtIst(new DateOnly(2026, 11, 23), new TimeOnly(15, 29));
        for (var step = 0; step < 100; step++)
        {
            market.Step(closeOfDay + (Interval * step));
        }

        Assert.True(market.TryGetLastPrice(reliance, out var lastOfDay));
        var nextMorning = IndianMarketTime.AtIst(new DateOnly(2026, 11, 24), new TimeOnly(9, 15));
        Tick? first = null;
        for (var step = 0; first is null; step++)
        {
            first = market.Step(nextMorning + (Interval * step)).Cast<Tick?>().FirstOrDefault(t => t!.Value.Instrument == reliance);
        }

        Assert.Equal(lastOfDay, first.Value.PreviousClose);
        Assert.Equal(first.Value.LastQuantity, first.Value.Volume);
    }

    private static double[] LogReturns(List<double> prices) =>
        [.. prices.Zip(prices.Skip(1), (a, b) => Math.Log(b / a))];

    private static double Correlation(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        var varianceX = x.Sum(a => (a - meanX) * (a - meanX));
        var varianceY = y.Sum(b => (b - meanY) * (b - meanY));
        return covariance / Math.Sqrt(varianceX * varianceY);
    }
}
