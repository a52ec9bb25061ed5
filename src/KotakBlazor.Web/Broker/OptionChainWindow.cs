using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Options;
using KotakBlazor.Web.Hosting;
using KotakBlazor.Web.Market;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// In the Kotak modes: the contracts the option chain page and the strangle builder need streamed. For every index
/// with listed options (NIFTY, BANKNIFTY, FINNIFTY, SENSEX...): the index itself and, once it has a price, the calls
/// and puts of its nearest <see cref="BrokerOptions.ChainExpiries"/> unexpired expiries on the
/// <see cref="BrokerOptions.ChainStrikesEachSide"/> listed strikes each side of the strike nearest that price. Asked
/// again on every refresh, the window follows the price.
/// </summary>
/// <remarks>
/// Only index chains: a full scrip master lists options on some 200 stocks, and their windows (85 tokens each at the
/// defaults) would take Kotak's whole 3,000-token budget. A stock's chain streams when its contracts are watched, held
/// or configured.
/// </remarks>
public sealed class OptionChainWindow
{
    private readonly OptionChains _chains;
    private readonly IInstrumentCatalog _catalog;
    private readonly MarketState _state;
    private readonly int _expiries;
    private readonly int _strikesEachSide;

    public OptionChainWindow(OptionChains chains, IInstrumentCatalog catalog, MarketState state, IOptions<BrokerOptions> options)
    {
        _chains = chains;
        _catalog = catalog;
        _state = state;
        _expiries = options.Value.ChainExpiries;
        _strikesEachSide = options.Value.ChainStrikesEachSide;
        if (_expiries < 0 || _strikesEachSide < 0)
        {
            throw new StartupConfigurationException(
                $"Broker:ChainExpiries and Broker:ChainStrikesEachSide must be 0 or more (got {_expiries} and {_strikesEachSide}).");
        }
    }

    /// <summary>
    /// The indices first, then each index's window: nearest expiry first, at the money outwards, so that a full feed
    /// loses the far wings of the later expiries before anything near the money.
    /// </summary>
    public IReadOnlyList<Instrument> Wanted(DateTimeOffset now)
    {
        var indices = new List<(OptionUnderlying Chain, Instrument Index)>();
        foreach (var chain in _chains.Underlyings)
        {
            if (chain.Spot is { } id && _catalog.TryGet(id, out var index) && index.Type == InstrumentType.Index)
            {
                indices.Add((chain, index));
            }
        }

        var wanted = indices.Select(i => i.Index).ToList();
        var firstLive = ExpiryCalendar.FirstLiveDate(now);
        foreach (var (chain, index) in indices)
        {
            // Without a price there is no money to centre on: the index's own ticks come first.
            if (!_state.TryGetLatest(index.Id, out var tick) || tick.LastPrice <= 0m)
            {
                continue;
            }

            foreach (var expiry in chain.Expiries.Where(e => e >= firstLive).Take(_expiries))
            {
                AddWindow(wanted, chain.Options, expiry, tick.LastPrice);
            }
        }

        return wanted;
    }

    private void AddWindow(List<Instrument> wanted, IReadOnlyList<Instrument> options, DateOnly expiry, decimal spot)
    {
        var strikes = options.Where(o => o.Expiry == expiry && o.Strike is not null)
            .GroupBy(o => o.Strike!.Value)
            .OrderBy(g => g.Key)
            .ToArray();
        if (strikes.Length == 0)
        {
            return;
        }

        // Ties go to the lower strike; either is at the money.
        var atm = 0;
        for (var i = 1; i < strikes.Length; i++)
        {
            if (Math.Abs(strikes[i].Key - spot) < Math.Abs(strikes[atm].Key - spot))
            {
                atm = i;
            }
        }

        for (var step = 0; step <= _strikesEachSide; step++)
        {
            foreach (var at in step == 0 ? new[] { atm } : new[] { atm - step, atm + step })
            {
                if (at >= 0 && at < strikes.Length)
                {
                    wanted.AddRange(strikes[at].OrderBy(o => o.OptionType));
                }
            }
        }
    }
}
