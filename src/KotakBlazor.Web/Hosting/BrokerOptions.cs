using KotakBlazor.Web.Broker;

namespace KotakBlazor.Web.Hosting;

/// <summary>Configuration section <c>Broker</c>.</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    public BrokerMode Mode { get; set; } = BrokerMode.Paper;

    /// <summary>
    /// In the Kotak modes: trading symbols (as in the scrip master, e.g. <c>RELIANCE-EQ</c>) streamed from
    /// Kotak's market feed whatever the screens show. Watchlist instruments, working orders and open
    /// positions are streamed as well.
    /// </summary>
    public IList<string> Subscribe { get; init; } = [];

    /// <summary>
    /// In the Kotak modes: <c>Nse</c> (default) refuses orders outside NSE's session as the risk checks always
    /// do; <c>AlwaysOpen</c> treats the market as open round the clock, for a fake exchange (tests) or a
    /// broker's test environment. Kotak itself still refuses what NSE would.
    /// </summary>
    public BrokerMarketHours MarketHours { get; set; } = BrokerMarketHours.Nse;

    /// <summary>In the Kotak modes: how often the streamed instruments are brought in line with watchlists, orders, positions and the option chains' prices.</summary>
    public TimeSpan SubscriptionRefresh { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// In the Kotak modes: how many of each index's nearest unexpired expiries the option chains stream (calls and puts
    /// around the money, see <see cref="ChainStrikesEachSide"/>). 0 streams only the indices.
    /// </summary>
    public int ChainExpiries { get; set; } = 2;

    /// <summary>
    /// In the Kotak modes: listed strikes streamed on each side of the strike nearest an index's last price, per expiry of
    /// <see cref="ChainExpiries"/>. The window follows the price on every <see cref="SubscriptionRefresh"/>.
    /// </summary>
    public int ChainStrikesEachSide { get; set; } = 10;
}
