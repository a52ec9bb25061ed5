using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Benchmarks;

/// <summary>
/// Makes the risk benchmark's requests from the latest prices, in a fixed pseudo-random mix
/// (every kind equally likely, seeded, so runs compare).
/// </summary>
internal sealed class RiskRequests
{
    private static readonly Guid[] Strategies = [.. Enumerable.Range(1, 8).Select(i => new Guid(i, 0, 0, new byte[8]))];
    private readonly Random _random = new(11);
    private readonly Instrument[] _stocks;
    private readonly Instrument[] _options;
    private readonly Instrument _index;
    private readonly Instrument _future;
    private readonly Dictionary<InstrumentId, decimal> _last = [];
    private readonly List<(Instrument Instrument, OrderSide Side, int Quantity)> _held = [];
    private OrderRequest? _lastEntry;

    public RiskRequests(IInstrumentCatalog catalog)
    {
        _stocks = [.. catalog.All.Where(i => i.Type == InstrumentType.Equity)];
        _options = [.. catalog.All.Where(i => i.Type == InstrumentType.Option)];
        _index = catalog.All.Single(i => i.Type == InstrumentType.Index);
        _future = catalog.All.Single(i => i.Type == InstrumentType.Future);
    }

    public void Observe(in Tick tick) => _last[tick.Instrument] = tick.LastPrice;

    /// <summary>The positions the session starts with: 10 shares in each of 12 stocks, short one lot of the future, long one lot of two options.</summary>
    public IEnumerable<Fill> OpeningFills(DateTimeOffset now)
    {
        var n = 0;
        foreach (var stock in _stocks.Take(12))
        {
            _held.Add((stock, OrderSide.Buy, 10));
        }

        _held.Add((_future, OrderSide.Sell, _future.LotSize));
        foreach (var option in _options.Where(o => _last.ContainsKey(o.Id)).Take(2))
        {
            _held.Add((option, OrderSide.Buy, option.LotSize));
        }

        foreach (var (instrument, side, quantity) in _held)
        {
            n++;
            yield return new Fill($"T{n}", Guid.NewGuid(), $"B{n}", instrument.Id, instrument.TradingSymbol, side, ProductType.Mis, quantity, _last[instrument.Id], now);
        }
    }

    public (RiskRequestKind Kind, OrderRequest Request) Next()
    {
        var kind = (RiskRequestKind)_random.Next(12);
        if (kind == RiskRequestKind.Duplicate && _lastEntry is null)
        {
            kind = RiskRequestKind.StockMarket;
        }

        return (kind, Make(kind));
    }

    /// <summary>Remembers an accepted entry, for the next duplicate.</summary>
    public void Accepted(RiskRequestKind kind, OrderRequest request)
    {
        if (kind is RiskRequestKind.StockMarket or RiskRequestKind.StockLimit or RiskRequestKind.OptionMarket or RiskRequestKind.OptionSliced)
        {
            _lastEntry = request;
        }
    }

    private OrderRequest Make(RiskRequestKind kind)
    {
        switch (kind)
        {
            case RiskRequestKind.StockMarket:
                return Strategy(Stock(), RandomSide(), _random.Next(1, 51));
            case RiskRequestKind.StockLimit:
            {
                var stock = Stock();
                var side = RandomSide();
                var away = (decimal)_random.NextDouble() * 0.005m;
                var price = stock.RoundToTick(_last[stock.Id] * (side == OrderSide.Buy ? 1m - away : 1m + away));
                return new OrderRequest(stock.Id, side, _random.Next(1, 51), OrderType.Limit, ProductType.Mis, price, null, OrderSource.Ticket, "trader");
            }

            case RiskRequestKind.OptionMarket:
            {
                var option = Option();
                return Strategy(option, OrderSide.Buy, option.LotSize * _random.Next(1, 6));
            }

            case RiskRequestKind.OptionSliced:
            {
                var option = Option();
                return Strategy(option, OrderSide.Buy, option.LotSize * 30);
            }

            case RiskRequestKind.Exit:
            {
                var (instrument, side, quantity) = _held[_random.Next(_held.Count)];
                var close = side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
                var units = instrument.Type == InstrumentType.Equity ? _random.Next(1, quantity + 1) : quantity;
                return new OrderRequest(instrument.Id, close, units, OrderType.Market, ProductType.Mis, null, null, OrderSource.Strategy, "strategy:bench", OrderPurpose.Exit, Strategies[0]);
            }

            case RiskRequestKind.ProtectiveStop:
            {
                var (stock, _, quantity) = _held[_random.Next(12)];
                var trigger = stock.RoundToTick(_last[stock.Id] * 0.97m);
                return new OrderRequest(stock.Id, OrderSide.Sell, quantity, OrderType.StopLoss, ProductType.Mis, trigger - (5 * stock.TickSize), trigger, OrderSource.Strategy, "strategy:bench", OrderPurpose.StopLoss, Strategies[0]);
            }

            case RiskRequestKind.OutsideBand:
            {
                var stock = Stock();
                return new OrderRequest(stock.Id, OrderSide.Buy, 10, OrderType.Limit, ProductType.Mis, stock.RoundToTick(_last[stock.Id] * 1.08m), null, OrderSource.Ticket, "trader");
            }

            case RiskRequestKind.NotLotMultiple:
                return Strategy(Option(), OrderSide.Buy, 100);
            case RiskRequestKind.Index:
                return Strategy(_index, OrderSide.Buy, 1);
            case RiskRequestKind.TooManyLots:
            {
                var option = Option();
                return Strategy(option, OrderSide.Buy, option.LotSize * 150);
            }

            case RiskRequestKind.Duplicate:
                return _lastEntry!;
            case RiskRequestKind.TooMuchExposure:
                return Strategy(Stock(), OrderSide.Buy, 20_000);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private OrderRequest Strategy(Instrument instrument, OrderSide side, int quantity) =>
        new(instrument.Id, side, quantity, OrderType.Market, ProductType.Mis, null, null, OrderSource.Strategy, "strategy:bench", StrategyId: Strategies[_random.Next(Strategies.Length)]);

    private Instrument Stock() => _stocks[_random.Next(_stocks.Length)];

    /// <summary>An option that has traded (a market order on one with no price yet is refused for lack of a reference).</summary>
    private Instrument Option()
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var option = _options[_random.Next(_options.Length)];
            if (_last.ContainsKey(option.Id))
            {
                return option;
            }
        }

        return _options[_random.Next(_options.Length)];
    }

    private OrderSide RandomSide() => _random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
}
