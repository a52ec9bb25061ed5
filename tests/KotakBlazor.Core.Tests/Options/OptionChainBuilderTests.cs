using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using static KotakBlazor.Core.Tests.Options.TestOptions;
using static KotakBlazor.Core.Tests.TestTicks;

namespace KotakBlazor.Core.Tests.Options;

public sealed class OptionChainBuilderTests
{
    private const decimal Spot = 26040m;
    private const double Rate = 0.065;
    private const double Volatility = 0.14;

    private static readonly DateTimeOffset Now = Ist(10, 0);

    private readonly List<Instrument> _universe = [];
    private readonly Dictionary<decimal, (Instrument Call, Instrument Put)> _nifty = [];
    private readonly MarketState _market = new();
    private readonly OpenInterestTracker _openInterest = new();

    public OptionChainBuilderTests()
    {
        // Listed out of strike order, with contracts the chain must leave out around them.
        foreach (var strike in new[] { 26100m, 25900m, 26200m, 26000m })
        {
            _nifty[strike] = (Option(strike, OptionType.Call), Option(strike, OptionType.Put));
            _universe.Add(_nifty[strike].Put);
            _universe.Add(_nifty[strike].Call);
        }

        _universe.Add(Option(26300m, OptionType.Call));
        _universe.Add(Option(26000m, OptionType.Call, Expiry.AddDays(7)));
        _universe.Add(Option(26000m, OptionType.Call, underlying: "FINNIFTY"));
        _universe.Add(Option(26000m, OptionType.Put, underlying: "NIFTYNXT50"));
        _universe.Add(new Instrument(Nifty, "NIFTY 50", "NIFTY 50", "NIFTY 50", InstrumentType.Index, "NIFTY 50", 1, 0.05m, 0));
        _universe.Add(new Instrument(NiftyFuture, "NIFTY25NOVFUT", "NIFTY", "NIFTY Nov FUT", InstrumentType.Future, "NIFTY", 75, 0.1m, 1800, Expiry));
    }

    [Fact]
    public void Years_to_expiry_run_to_the_1530_ist_close_in_calendar_days()
    {
        // 10:00 Monday to 15:30 Tuesday is 29.5 hours.
        Assert.Equal(29.5 / 24 / 365, OptionChainBuilder.YearsToExpiry(Expiry, Now), 15);
        Assert.Equal(0.0, OptionChainBuilder.YearsToExpiry(Expiry, Ist(Expiry, 15, 30)));
        Assert.True(OptionChainBuilder.YearsToExpiry(Expiry, Ist(Expiry, 15, 31)) < 0);
    }

    [Fact]
    public void Builds_sorted_rows_for_the_underlying_and_expiry_with_the_atm_strike()
    {
        TickAllAtModelPrices();

        var chain = Build();

        Assert.Equal("NIFTY", chain.Underlying);
        Assert.Equal(Expiry, chain.Expiry);
        Assert.Equal(Spot, chain.Spot);
        Assert.Equal(Now, chain.AsOf);
        Assert.Equal([25900m, 26000m, 26100m, 26200m, 26300m], chain.Rows.Select(r => r.Strike));
        Assert.Equal(26000m, chain.AtmStrike);
        Assert.Equal(1, chain.AtmIndex);
        Assert.Same(_nifty[26000m].Call, chain.Rows[1].Call!.Instrument);
        Assert.Same(_nifty[26000m].Put, chain.Rows[1].Put!.Instrument);
        Assert.NotNull(chain.Rows[4].Call);
        Assert.Null(chain.Rows[4].Put);
    }

    [Fact]
    public void Each_side_carries_the_market_figures_and_the_implied_volatility_and_delta()
    {
        TickAllAtModelPrices();

        var chain = Build();

        var atm = chain.Rows[chain.AtmIndex];
        foreach (var quote in new[] { atm.Call!, atm.Put! })
        {
            var type = quote.Instrument.OptionType!.Value;
            var tick = Latest(quote.Instrument);
            Assert.True(quote.HasTicked);
            Assert.Equal(tick.LastPrice, quote.LastPrice);
            Assert.Equal(tick.BidPrice, quote.BidPrice);
            Assert.Equal(tick.AskPrice, quote.AskPrice);
            Assert.Equal(tick.Volume, quote.Volume);
            Assert.Equal(tick.OpenInterest, quote.OpenInterest);

            // The prices were the model's at 14% rounded to 5 paise, so the solve lands near 14%
            // and reprices the rounded LTP exactly.
            var iv = quote.ImpliedVolatility!.Value;
            Assert.Equal(Volatility, iv, 1e-3);
            Assert.Equal((double)quote.LastPrice, BlackScholes.Price(type, (double)Spot, 26000, chain.YearsToExpiry, iv, Rate), 1e-6);
            Assert.Equal(BlackScholes.Greeks(type, (double)Spot, 26000, chain.YearsToExpiry, iv, Rate).Delta, quote.Delta!.Value, 12);
        }

        // Spot is 40 above the strike with a day and a bit to go: the call leans in the money.
        Assert.InRange(atm.Call!.Delta!.Value, 0.55, 0.65);
        Assert.Equal(1.0, atm.Call.Delta!.Value - atm.Put!.Delta!.Value, 0.01);
    }

    [Fact]
    public void Sides_without_a_usable_price_have_no_implied_volatility_or_delta()
    {
        TickAllAtModelPrices();

        // 25900 CE is worth at least 140 in intrinsic value; a print at 100 is bad data.
        Print(_nifty[25900m].Call, ltp: 100m, oi: 10_000);
        var chain = Build(latest: id => id == _nifty[26200m].Put.Id ? null : Latest(id));

        var belowIntrinsic = chain.Rows[0].Call!;
        Assert.True(belowIntrinsic.HasTicked);
        Assert.Equal(100m, belowIntrinsic.LastPrice);
        Assert.Equal(ImpliedVolatilityFailure.PriceBelowIntrinsic, belowIntrinsic.ImpliedVolatilityResult!.Value.FailureReason);
        Assert.Null(belowIntrinsic.ImpliedVolatility);
        Assert.Null(belowIntrinsic.Delta);
        Assert.Null(belowIntrinsic.Greeks);

        var neverTicked = chain.Rows[3].Put!;
        Assert.False(neverTicked.HasTicked);
        Assert.Equal(0m, neverTicked.LastPrice);
        Assert.Equal(0, neverTicked.OpenInterest);
        Assert.Null(neverTicked.ImpliedVolatilityResult);
        Assert.Null(neverTicked.ImpliedVolatility);
    }

    [Fact]
    public void Change_in_open_interest_comes_from_the_tracker()
    {
        Print(_nifty[26000m].Call, ltp: 60m, oi: 100_000, at: Ist(9, 15));
        Print(_nifty[26100m].Put, ltp: 120m, oi: 50_000, at: Ist(9, 15));
        Print(_nifty[26000m].Call, ltp: 75m, oi: 130_000);
        Print(_nifty[26100m].Put, ltp: 110m, oi: 45_000);

        var tracked = Build();
        var untracked = OptionChainBuilder.Build(_universe, "NIFTY", Expiry, Spot, Now, Rate, _market);

        Assert.Equal(130_000, tracked.Rows[1].Call!.OpenInterest);
        Assert.Equal(30_000, tracked.Rows[1].Call!.ChangeInOpenInterest);
        Assert.Equal(-5_000, tracked.Rows[2].Put!.ChangeInOpenInterest);
        Assert.Null(tracked.Rows[1].Put!.ChangeInOpenInterest);
        Assert.Null(untracked.Rows[1].Call!.ChangeInOpenInterest);
    }

    [Fact]
    public void The_market_state_overload_and_the_index_name_give_the_same_chain()
    {
        TickAllAtModelPrices();

        var fromFunction = Build();
        var fromState = OptionChainBuilder.Build(_universe, "NIFTY 50", Expiry, Spot, Now, Rate, _market, _openInterest);

        Assert.Equal("NIFTY", fromState.Underlying);
        Assert.Equal(fromFunction.Rows, fromState.Rows);
        Assert.Equal(fromFunction.Rows, Build().Rows);
    }

    [Fact]
    public void An_expired_chain_has_prices_but_no_implied_volatilities()
    {
        TickAllAtModelPrices();

        var chain = OptionChainBuilder.Build(_universe, "NIFTY", Expiry, Spot, Ist(Expiry, 15, 45), Rate, _market, _openInterest);

        Assert.True(chain.YearsToExpiry < 0);
        Assert.All(
            chain.Rows.SelectMany(r => new[] { r.Call, r.Put }).OfType<OptionQuote>(),
            quote =>
            {
                Assert.Equal(ImpliedVolatilityFailure.Expired, quote.ImpliedVolatilityResult!.Value.FailureReason);
                Assert.Null(quote.Delta);
            });
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var duplicate = _universe.Append(Option(26000m, OptionType.Call) with { Id = new InstrumentId(ExchangeSegment.NseFo, 99_999) }).ToList();

        Assert.Throws<ArgumentException>(() => OptionChainBuilder.Build(duplicate, "NIFTY", Expiry, Spot, Now, Rate, _market));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptionChainBuilder.Build(_universe, "NIFTY", Expiry, 0m, Now, Rate, _market));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptionChainBuilder.Build(_universe, "NIFTY", Expiry, Spot, Now, double.NaN, _market));
    }

    [Fact]
    public void An_underlying_without_options_on_the_expiry_gives_an_empty_chain()
    {
        var chain = OptionChainBuilder.Build(_universe, "BANKNIFTY", Expiry, 52000m, Now, Rate, _market);

        Assert.Empty(chain.Rows);
        Assert.Null(chain.AtmStrike);
    }

    private OptionChainSnapshot Build(Func<InstrumentId, Tick?>? latest = null) =>
        OptionChainBuilder.Build(_universe, "NIFTY", Expiry, Spot, Now, Rate, latest ?? Latest, _openInterest);

    private Tick? Latest(InstrumentId id) => _market.TryGetLatest(id, out var tick) ? tick : null;

    private Tick Latest(Instrument instrument) => Latest(instrument.Id)!.Value;

    private void TickAllAtModelPrices()
    {
        var years = OptionChainBuilder.YearsToExpiry(Expiry, Now);
        var oi = 10_000;
        foreach (var instrument in _universe.Where(i => i.Type == InstrumentType.Option))
        {
            var ltp = BlackScholes.PriceToTick(instrument.OptionType!.Value, Spot, instrument.Strike!.Value, years, Volatility, Rate, instrument.TickSize);
            Print(instrument, Math.Max(ltp, instrument.TickSize), oi += 1_000);
        }
    }

    private void Print(Instrument instrument, decimal ltp, long oi, DateTimeOffset? at = null)
    {
        var tick = new Tick(instrument.Id, ltp, 75, oi * 3, oi, ltp - 0.05m, ltp + 0.05m, ltp, at ?? Now);
        _market.Update(tick);
        _openInterest.Record(tick);
    }
}
