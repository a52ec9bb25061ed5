using KotakBlazor.Web.Market;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Market;

/// <summary>The option chain service on the live simulated market.</summary>
public sealed class OptionChainsTests : IAsyncLifetime
{
    private LoopbackApp _app = null!;

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Nifty_has_options_and_its_chain_has_prices_greeks_and_a_change_in_open_interest()
    {
        var chains = _app.Services.GetRequiredService<OptionChains>();
        var nifty = chains.Underlyings[0];
        Assert.Equal("NIFTY", nifty.Name);
        Assert.Equal("Nifty 50", nifty.SpotSymbol);
        Assert.NotEmpty(nifty.Expiries);

        // Enough ticks that every NIFTY option has ticked at least twice (the first sets the OI reference).
        await MarketWait.UntilTicksFlowAsync(_app, ticks: 3000);
        var chain = chains.Build(nifty, nifty.Expiries[0]);

        Assert.NotNull(chain);
        var atm = chain.Rows[chain.AtmIndex];
        Assert.True(Math.Abs(atm.Strike - chain.Spot) <= 50, $"ATM {atm.Strike} is far from the spot {chain.Spot}.");
        Assert.True(atm.Call!.HasTicked && atm.Put!.HasTicked);
        Assert.InRange(atm.Call.Delta!.Value, 0.3, 0.7);
        Assert.InRange(atm.Put.Delta!.Value, -0.7, -0.3);
        Assert.Contains(chain.Rows, r => r.Call?.ChangeInOpenInterest is not null and not 0);
    }

    [Fact]
    public async Task Pages_asking_within_a_second_share_one_build()
    {
        await MarketWait.UntilTicksFlowAsync(_app);
        var chains = _app.Services.GetRequiredService<OptionChains>();
        var nifty = chains.Underlyings[0];

        var first = chains.Build(nifty, nifty.Expiries[0]);
        var second = chains.Build(nifty, nifty.Expiries[0]);

        Assert.Same(first, second);
    }
}
