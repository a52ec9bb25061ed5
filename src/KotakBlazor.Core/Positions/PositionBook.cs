using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Positions;

/// <summary>
/// The account's positions built from fills, marked to market on every tick. Owned by the trading
/// kernel's single thread: not thread-safe, and needs no locks. Other threads read
/// <see cref="Snapshot"/>s.
/// </summary>
/// <remarks>
/// <para>Two views are kept from the same fills: the account's, keyed like the broker's by
/// (instrument, product), and each strategy's share of it, so a strategy only ever sells what it
/// bought (<see cref="TrackedQuantity"/>). Fills with no strategy (the order ticket, manual trades
/// adopted by reconciliation) count for the account and for the "unattributed" share.</para>
/// <para>Realized P&amp;L uses average cost, as the broker's "avg price" does (see <see cref="Position"/>).</para>
/// </remarks>
public sealed class PositionBook
{
    private static readonly ProductType[] Products = Enum.GetValues<ProductType>();

    private readonly Dictionary<InstrumentId, InstrumentPrice> _prices = [];
    private readonly Dictionary<PositionKey, PositionLedger> _account = [];
    private readonly List<PositionLedger> _accountOrder = [];
    private readonly Dictionary<StrategyPositionKey, PositionLedger> _strategies = [];
    private readonly List<PositionLedger> _strategyOrder = [];
    private readonly HashSet<string> _tradeIds = new(StringComparer.Ordinal);

    /// <summary>Creates an empty book.</summary>
    /// <param name="tradingDay">The IST day P&amp;L is counted for; fills dated before it are refused as already carried. Null accepts every fill.</param>
    public PositionBook(DateOnly? tradingDay = null)
    {
        TradingDay = tradingDay;
    }

    /// <summary>The IST day P&amp;L is counted for; null until set.</summary>
    public DateOnly? TradingDay { get; private set; }

    /// <summary>Increases with every change (fill, mark that moved a held price, day roll).</summary>
    public long Version { get; private set; }

    /// <summary>How many account positions (instrument and product) hold quantity.</summary>
    public int OpenPositionCount { get; private set; }

    /// <summary>The sum of every account position's |net| x LTP x multiplier, in rupees.</summary>
    public decimal TotalExposure
    {
        get
        {
            var total = 0m;
            for (var i = 0; i < _accountOrder.Count; i++)
            {
                total += _accountOrder[i].Exposure;
            }

            return total;
        }
    }

    /// <summary>The day's realized P&amp;L.</summary>
    public decimal RealizedPnl
    {
        get
        {
            var total = 0m;
            for (var i = 0; i < _accountOrder.Count; i++)
            {
                total += _accountOrder[i].RealizedPnl;
            }

            return total;
        }
    }

    /// <summary>The open positions' P&amp;L at the last prices.</summary>
    public decimal UnrealizedPnl
    {
        get
        {
            var total = 0m;
            for (var i = 0; i < _accountOrder.Count; i++)
            {
                total += _accountOrder[i].UnrealizedPnl;
            }

            return total;
        }
    }

    /// <summary>The day's P&amp;L, realized + unrealized (the broker's SellAmount - BuyAmount + Net x LTP summed over positions).</summary>
    public decimal DayPnl
    {
        get
        {
            var total = 0m;
            for (var i = 0; i < _accountOrder.Count; i++)
            {
                total += _accountOrder[i].Pnl;
            }

            return total;
        }
    }

    /// <summary>
    /// Records a trade. Idempotent: a trade id seen before changes nothing (a fill can arrive from
    /// the order feed and again from a trade-book poll).
    /// </summary>
    /// <returns>True when the fill changed the book; false for a trade already applied, or one dated before <see cref="TradingDay"/> (already in the carried quantity).</returns>
    /// <exception cref="ArgumentException">A fill without a trade id, with a quantity that is not positive, or a price that is not positive.</exception>
    public bool Apply(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (string.IsNullOrWhiteSpace(fill.TradeId))
        {
            throw new ArgumentException("A fill needs a trade id.", nameof(fill));
        }

        if (fill.Quantity <= 0 || fill.Price <= 0)
        {
            throw new ArgumentException($"Trade {fill.TradeId} has quantity {fill.Quantity} and price {fill.Price}; both must be positive.", nameof(fill));
        }

        if (TradingDay is { } day && IndianMarketTime.IstDate(fill.Time) < day)
        {
            return false;
        }

        if (!_tradeIds.Add(fill.TradeId))
        {
            return false;
        }

        var price = PriceOf(fill.Instrument);
        if (!price.HasTick)
        {
            price.LastPrice = fill.Price;
        }

        var key = new PositionKey(fill.Instrument, fill.Product);
        if (!_account.TryGetValue(key, out var position))
        {
            position = NewLedger(price, fill.Product, null, fill.TradingSymbol, _accountOrder);
            _account.Add(key, position);
        }

        var wasOpen = position.NetQuantity != 0;
        position.Apply(fill.Side, fill.Quantity, fill.Price, fill.TradingSymbol);
        OpenPositionCount += (position.NetQuantity != 0 ? 1 : 0) - (wasOpen ? 1 : 0);

        var shareKey = new StrategyPositionKey(fill.StrategyId, fill.Instrument, fill.Product);
        if (!_strategies.TryGetValue(shareKey, out var share))
        {
            share = NewLedger(price, fill.Product, fill.StrategyId, fill.TradingSymbol, _strategyOrder);
            _strategies.Add(shareKey, share);
        }

        share.Apply(fill.Side, fill.Quantity, fill.Price, fill.TradingSymbol);
        Version++;
        return true;
    }

    /// <summary>
    /// Marks an instrument at its last traded price. O(1) and allocation-free once the instrument
    /// is known; an instrument without a position is remembered so a later fill is valued at once.
    /// Prices that are not positive are ignored (bad data must not move P&amp;L).
    /// </summary>
    public void Mark(InstrumentId instrument, decimal lastPrice)
    {
        if (lastPrice <= 0)
        {
            return;
        }

        if (!_prices.TryGetValue(instrument, out var price))
        {
            _prices.Add(instrument, new InstrumentPrice(instrument) { LastPrice = lastPrice, HasTick = true });
            return;
        }

        price.HasTick = true;
        if (price.LastPrice != lastPrice)
        {
            price.LastPrice = lastPrice;
            if (price.LedgerCount > 0)
            {
                Version++;
            }
        }
    }

    /// <summary>
    /// Sets an instrument's contract multiplier (rupees per unit of price per unit of quantity), for
    /// contracts quoted differently from NSE equity and F&amp;O, where it is 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The multiplier is not positive.</exception>
    /// <exception cref="InvalidOperationException">The instrument already has a position: its amounts were counted with the old multiplier.</exception>
    public void SetMultiplier(InstrumentId instrument, decimal multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        var price = PriceOf(instrument);
        if (price.LedgerCount > 0 && price.Multiplier != multiplier)
        {
            throw new InvalidOperationException($"{instrument} already has a position counted with multiplier {price.Multiplier}.");
        }

        price.Multiplier = multiplier;
    }

    /// <summary>The last traded price of an instrument (the latest fill price until a tick arrives), or null when unknown.</summary>
    public decimal? LastPrice(InstrumentId instrument) =>
        _prices.TryGetValue(instrument, out var price) && price.LastPrice > 0 ? price.LastPrice : null;

    /// <summary>An instrument's contract multiplier (1 unless set).</summary>
    public decimal Multiplier(InstrumentId instrument) => _prices.TryGetValue(instrument, out var price) ? price.Multiplier : 1m;

    /// <summary>The account's net quantity in one instrument under one product: positive long, negative short.</summary>
    public int NetQuantity(InstrumentId instrument, ProductType product) =>
        _account.TryGetValue(new PositionKey(instrument, product), out var position) ? position.NetQuantity : 0;

    /// <summary>The account's exposure in one instrument over all products: the sum of |net| x LTP x multiplier.</summary>
    public decimal ExposureOf(InstrumentId instrument)
    {
        var total = 0m;
        foreach (var product in Products)
        {
            if (_account.TryGetValue(new PositionKey(instrument, product), out var position))
            {
                total += position.Exposure;
            }
        }

        return total;
    }

    /// <summary>
    /// What one strategy holds in an instrument over all products, from its own fills only: positive
    /// is a long it bought and may sell, negative a short it sold and may buy back. A strategy never
    /// sells a holding it did not buy, so its exits are capped by this, not by the account's net.
    /// </summary>
    public int TrackedQuantity(Guid strategyId, InstrumentId instrument)
    {
        var total = 0;
        foreach (var product in Products)
        {
            if (_strategies.TryGetValue(new StrategyPositionKey(strategyId, instrument, product), out var share))
            {
                total += share.NetQuantity;
            }
        }

        return total;
    }

    /// <summary>
    /// Starts a new IST trading day. Open positions are carried at the previous close (the last
    /// price), so the new day's P&amp;L counts moves from
    /// that close and realized P&amp;L restarts at 0. Positions closed yesterday are dropped, and
    /// fills dated before <paramref name="day"/> are from now on refused as already carried.
    /// Rolling to the current day again changes nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is before the current trading day.</exception>
    public void Reset(DateOnly day)
    {
        if (TradingDay is { } current)
        {
            if (day < current)
            {
                throw new ArgumentOutOfRangeException(nameof(day), day, $"The book already counts {current:yyyy-MM-dd}; days only move forward.");
            }

            if (day == current)
            {
                return;
            }
        }

        TradingDay = day;
        _tradeIds.Clear();
        Carry(_accountOrder, _account, static l => new PositionKey(l.Price.Instrument, l.Product));
        Carry(_strategyOrder, _strategies, static l => new StrategyPositionKey(l.StrategyId, l.Price.Instrument, l.Product));
        OpenPositionCount = _accountOrder.Count;
        Version++;
    }

    /// <summary>The book as it stands, immutable.</summary>
    /// <param name="time">When the snapshot is taken (the caller's clock).</param>
    public PortfolioSnapshot Snapshot(DateTimeOffset time)
    {
        var positions = new Position[_accountOrder.Count];
        var realized = 0m;
        var unrealized = 0m;
        var exposure = 0m;
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = _accountOrder[i].ToPosition();
            realized += positions[i].RealizedPnl;
            unrealized += positions[i].UnrealizedPnl;
            exposure += positions[i].Exposure;
        }

        var strategies = _strategyOrder
            .GroupBy(l => l.StrategyId)
            .Select(g =>
            {
                var shares = g.Select(l => l.ToPosition()).ToArray();
                return new StrategyPnl(
                    g.Key,
                    shares.Sum(p => p.RealizedPnl),
                    shares.Sum(p => p.UnrealizedPnl),
                    shares.Sum(p => p.Exposure),
                    shares.Count(p => p.IsOpen),
                    shares);
            })
            .ToArray();

        return new PortfolioSnapshot(Version, time, TradingDay, positions, strategies, realized, unrealized, exposure, OpenPositionCount);
    }

    private InstrumentPrice PriceOf(InstrumentId instrument)
    {
        if (!_prices.TryGetValue(instrument, out var price))
        {
            price = new InstrumentPrice(instrument);
            _prices.Add(instrument, price);
        }

        return price;
    }

    private static PositionLedger NewLedger(InstrumentPrice price, ProductType product, Guid? strategyId, string symbol, List<PositionLedger> order)
    {
        var ledger = new PositionLedger(price, product, strategyId, symbol);
        price.LedgerCount++;
        order.Add(ledger);
        return ledger;
    }

    private static void Carry<TKey>(List<PositionLedger> order, Dictionary<TKey, PositionLedger> byKey, Func<PositionLedger, TKey> keyOf)
        where TKey : notnull
    {
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var ledger = order[i];
            if (ledger.NetQuantity == 0)
            {
                order.RemoveAt(i);
                byKey.Remove(keyOf(ledger));
                ledger.Price.LedgerCount--;
            }
            else
            {
                // Every held instrument has a last price: its first fill set one if no tick did.
                ledger.CarryForward(ledger.Price.LastPrice);
            }
        }
    }

    private readonly record struct StrategyPositionKey(Guid? StrategyId, InstrumentId Instrument, ProductType Product);
}
