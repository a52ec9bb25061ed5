using System.Globalization;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>
/// The fake's tiny exchange: instruments, a settable last price per instrument, orders that walk Kotak's
/// states, and matching: market orders fill at the last price, limit orders when the price reaches them,
/// stop orders once triggered. One lock; <see cref="OrderChanged"/> is raised after every change.
/// </summary>
internal sealed class FakeExchange(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Instrument> _bySymbol = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<InstrumentId, decimal> _lastPrices = [];
    private readonly List<FakeOrder> _orders = [];
    private readonly List<FakeTrade> _trades = [];
    private long _orderNumber;
    private long _tradeNumber = 207983700;

    /// <summary>Cash in the account.</summary>
    public decimal Cash { get; set; } = 5_000_000m;

    /// <summary>Holdings rows the holdings call returns.</summary>
    public List<(Instrument Instrument, int Quantity, decimal AveragePrice, decimal ClosingPrice)> Holdings { get; } = [];

    /// <summary>Raised (outside the lock) after an order changes, with the order.</summary>
    public event Action<FakeOrder>? OrderChanged;

    public void Add(Instrument instrument)
    {
        lock (_gate)
        {
            _bySymbol[instrument.TradingSymbol] = instrument;
        }
    }

    public Instrument? Find(string tradingSymbol)
    {
        lock (_gate)
        {
            return _bySymbol.GetValueOrDefault(tradingSymbol);
        }
    }

    public Instrument? Find(InstrumentId id)
    {
        lock (_gate)
        {
            return _bySymbol.Values.FirstOrDefault(i => i.Id == id);
        }
    }

    public decimal? LastPrice(InstrumentId id)
    {
        lock (_gate)
        {
            return _lastPrices.TryGetValue(id, out var price) ? price : null;
        }
    }

    /// <summary>Moves the market and fills whatever it reaches.</summary>
    public void SetLastPrice(InstrumentId id, decimal price)
    {
        List<FakeOrder> changed;
        lock (_gate)
        {
            _lastPrices[id] = price;
            changed = _orders.Where(o => o.Instrument.Id == id && !o.IsFinal && !o.AfterMarket).Where(o => TryMatch(o, aggressive: false)).ToList();
        }

        Raise(changed);
    }

    public IReadOnlyList<FakeOrder> Orders()
    {
        lock (_gate)
        {
            return [.. _orders];
        }
    }

    public FakeOrder? Order(string id)
    {
        lock (_gate)
        {
            return _orders.FirstOrDefault(o => o.Id == id);
        }
    }

    public IReadOnlyList<FakeTrade> Trades()
    {
        lock (_gate)
        {
            return [.. _trades];
        }
    }

    public bool TagUsed(string tag)
    {
        lock (_gate)
        {
            return _orders.Any(o => o.Tag == tag);
        }
    }

    /// <summary>Margin in use: premium or value paid for what is held, plus what open buy orders reserve.</summary>
    public decimal MarginUsed()
    {
        lock (_gate)
        {
            var held = _trades.Sum(t => (t.Order.IsBuy ? 1 : -1) * t.Quantity * t.Price);
            var reserved = _orders.Where(o => o.IsBuy && !o.IsFinal).Sum(o => (o.Quantity - o.FilledQuantity) * ReferencePrice(o));
            return Math.Max(0m, held) + reserved;
        }
    }

    /// <summary>The margin a new order needs: buys pay the premium or value, sells nothing more.</summary>
    public decimal MarginFor(InstrumentId id, bool buy, int quantity, decimal price)
    {
        lock (_gate)
        {
            return buy ? quantity * (price > 0 ? price : _lastPrices.GetValueOrDefault(id)) : 0m;
        }
    }

    /// <summary>Takes an order in and walks it as far as it goes now.</summary>
    public FakeOrder Place(FakeOrder order)
    {
        var now = time.GetUtcNow();
        var available = Cash - MarginUsed();
        lock (_gate)
        {
            _orders.Add(order);
            order.MoveTo("put order req received", now);
            if (order.AfterMarket)
            {
                order.MoveTo("after market order req received", now);
            }
            else
            {
                order.MoveTo("validation pending", now);
                Validate(order, available, now);
            }
        }

        Raise([order]);
        return order;
    }

    public void Modify(FakeOrder order, int quantity, string priceType, decimal price, decimal trigger)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            (order.Quantity, order.PriceType, order.Price, order.TriggerPrice) = (quantity, priceType, price, trigger);
            order.MoveTo("modified", now);
            order.MoveTo(order.PriceType is "SL" or "SL-M" && !order.Triggered ? "trigger pending" : "open", now);
            TryMatch(order, aggressive: true);
        }

        Raise([order]);
    }

    public void Cancel(FakeOrder order)
    {
        lock (_gate)
        {
            order.MoveTo("cancelled", time.GetUtcNow(), "Cancelled by user");
        }

        Raise([order]);
    }

    public string NextOrderNumber()
    {
        var day = IstNow().ToString("yyMMdd", CultureInfo.InvariantCulture);
        return day + Interlocked.Increment(ref _orderNumber).ToString("000000000", CultureInfo.InvariantCulture);
    }

    public DateTimeOffset IstNow() => time.GetUtcNow().ToOffset(TimeSpan.FromMinutes(330));

    private void Validate(FakeOrder order, decimal available, DateTimeOffset now)
    {
        var lot = order.Instrument.LotSize;
        if (order.Quantity <= 0 || order.Quantity % lot != 0)
        {
            order.MoveTo("rejected", now, $"RMS:Rule: Quantity {order.Quantity} is not a multiple of the lot size {lot}");
            return;
        }

        var tick = order.Instrument.TickSize;
        if (order.PriceType is "L" or "SL" && tick > 0 && order.Price % tick != 0)
        {
            order.MoveTo("rejected", now, $"RMS:Rule: Price {order.Price} is not a multiple of the tick size {tick}");
            return;
        }

        var required = order.IsBuy ? order.Quantity * ReferencePrice(order) : 0m;
        if (required > available)
        {
            order.MoveTo("rejected", now, string.Create(CultureInfo.InvariantCulture, $"RMS:Margin Exceeds, Required:{required:0.00}, Available:{available:0.00}"));
            return;
        }

        order.ExchangeOrderId = "11000000" + order.Id[^8..];
        order.MoveTo("open pending", now);
        order.MoveTo(order.PriceType is "SL" or "SL-M" ? "trigger pending" : "open", now);
        TryMatch(order, aggressive: true);
        if (order.Validity == "IOC" && !order.IsFinal)
        {
            order.MoveTo("cancelled", now, "IOC order cancelled: no match");
        }
    }

    /// <summary>
    /// Fills the order if the market reaches it (aggressive, arriving orders trade at the last price; resting
    /// ones at their limit); true when the order changed.
    /// </summary>
    private bool TryMatch(FakeOrder order, bool aggressive)
    {
        if (!_lastPrices.TryGetValue(order.Instrument.Id, out var last) || order.IsFinal)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var changed = false;
        if (order.PriceType is "SL" or "SL-M" && !order.Triggered)
        {
            if (order.IsBuy ? last < order.TriggerPrice : last > order.TriggerPrice)
            {
                return false;
            }

            order.Triggered = true;
            order.MoveTo("open", now);
            aggressive = true;
            changed = true;
        }

        var market = order.PriceType is "MKT" or "SL-M";
        var reached = market || (order.IsBuy ? last <= order.Price : last >= order.Price);
        if (!reached)
        {
            return changed;
        }

        var price = market || aggressive ? last : order.Price;
        var quantity = order.Quantity - order.FilledQuantity;
        _trades.Add(new FakeTrade((++_tradeNumber).ToString(CultureInfo.InvariantCulture), order, quantity, price, now));
        order.AveragePrice = ((order.AveragePrice * order.FilledQuantity) + (price * quantity)) / order.Quantity;
        order.FilledQuantity = order.Quantity;
        order.MoveTo("complete", now);
        return true;
    }

    private decimal ReferencePrice(FakeOrder order) =>
        order.PriceType is "L" or "SL" ? order.Price : _lastPrices.GetValueOrDefault(order.Instrument.Id);

    private void Raise(IEnumerable<FakeOrder> orders)
    {
        foreach (var order in orders)
        {
            OrderChanged?.Invoke(order);
        }
    }
}
