using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>The books: orders, trades, positions, holdings, funds and margin.</summary>
public sealed partial class PaperBroker
{
    /// <inheritdoc />
    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BrokerOrder>>(() => [.. _orders.Values.Select(static o => o.ToRow())], cancellationToken);

    /// <inheritdoc />
    public Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BrokerTrade>>(() => [.. _trades], cancellationToken);

    /// <inheritdoc />
    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BrokerPosition>>(() => [.. _positions.Values.Select(static p => p.ToRow())], cancellationToken);

    /// <inheritdoc />
    /// <remarks>Only the seeded holdings: today's delivery buys are positions until settlement, as at a real broker.</remarks>
    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<BrokerHolding>>(() => [.. _holdings.Select(h => new BrokerHolding(
            h.Instrument.Id, h.Instrument.TradingSymbol, h.Seed.Quantity, h.Seed.AveragePrice, ClosingPriceLocked(h.Instrument.Id, h.Seed.AveragePrice)))],
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Net = capital + realized P&amp;L - margin used; unrealized P&amp;L is not counted, as on Kotak's limits.</remarks>
    public Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => new BrokerFunds(AvailableFundsLocked(), MarginUsedLocked(), 0m), cancellationToken);

    /// <inheritdoc />
    public Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<BrokerResult<MarginEstimate>>(cancellationToken);
        }

        lock (_gate)
        {
            if (!_instruments.TryGet(request.Instrument, out var instrument) || !instrument.IsTradable)
            {
                return Task.FromResult(BrokerResult<MarginEstimate>.Fail(BrokerErrorKind.Refused, $"Unknown or untradable instrument {request.Instrument}."));
            }

            var price = ReferencePriceLocked(instrument, request.Side, UsesPrice(request.Type) ? request.Price : 0m, request.TriggerPrice);
            var (required, explanation) = IncrementalMarginLocked(instrument, request.Side, request.Product, request.Quantity, price);
            return Task.FromResult(BrokerResult<MarginEstimate>.Ok(new MarginEstimate(required, AvailableFundsLocked(), explanation)));
        }
    }

    /// <summary>
    /// The margin an order adds to the account: nothing for the part that closes an open position
    /// of the same instrument and product, the model's margin for the rest.
    /// </summary>
    private (decimal Amount, string Explanation) IncrementalMarginLocked(Instrument instrument, OrderSide side, ProductType product, int quantity, decimal price)
    {
        var net = _positions.TryGetValue((instrument.Id, product), out var position) ? position.NetQuantity : 0;
        var closing = side == OrderSide.Buy ? Math.Max(0, -net) : Math.Max(0, net);
        var opening = Math.Max(0, quantity - closing);
        return opening == 0
            ? (0m, "closes an open position: no margin")
            : _margin.For(instrument, side, product, opening, price, SpotLocked(instrument));
    }

    /// <summary>Margin blocked by open positions (at their average price) and by working orders.</summary>
    private decimal MarginUsedLocked()
    {
        var used = 0m;
        foreach (var position in _positions.Values)
        {
            var net = position.NetQuantity;
            if (net != 0)
            {
                var side = net > 0 ? OrderSide.Buy : OrderSide.Sell;
                used += _margin.For(position.Instrument, side, position.Product, Math.Abs(net), position.OpenAveragePrice, SpotLocked(position.Instrument)).Amount;
            }
        }

        // Every working order is in the matching lists (placed there when it starts working), so the
        // whole order book, which grows all day, need not be walked on every order's funds check.
        foreach (var working in _workingByInstrument.Values)
        {
            foreach (var order in working)
            {
                if (order.IsWorking)
                {
                    var price = ReferencePriceLocked(order.Instrument, order.Side, order.Price, order.TriggerPrice);
                    used += IncrementalMarginLocked(order.Instrument, order.Side, order.Product, order.RemainingQuantity, price).Amount;
                }
            }
        }

        return used;
    }

    private decimal AvailableFundsLocked()
    {
        var realized = 0m;
        foreach (var position in _positions.Values)
        {
            realized += position.RealizedProfitAndLoss;
        }

        return Math.Round(_options.Capital + realized - MarginUsedLocked(), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The price margin is worked out at: the limit, else the trigger, else where a market order would trade now (0 before the first tick).</summary>
    private decimal ReferencePriceLocked(Instrument instrument, OrderSide side, decimal price, decimal trigger)
    {
        if (price > 0m)
        {
            return price;
        }

        if (trigger > 0m)
        {
            return trigger;
        }

        return _quotes.TryGetValue(instrument.Id, out var quote) ? Touch(instrument, side, quote.Last) : 0m;
    }

    /// <summary>The last price of an option's underlying (the index or the stock), when it has ticked.</summary>
    private decimal? SpotLocked(Instrument instrument)
    {
        if (instrument.Type != InstrumentType.Option)
        {
            return null;
        }

        if (!_spotByUnderlying.TryGetValue(instrument.Underlying, out var spotId))
        {
            // The catalog's search knows that NIFTY 50 and NIFTY are one underlying; its best exact match is the index or the stock.
            var best = _instruments.Search(instrument.Underlying, 1);
            spotId = best.Count == 1 && best[0].Type is InstrumentType.Index or InstrumentType.Equity ? best[0].Id : null;
            _spotByUnderlying[instrument.Underlying] = spotId;
        }

        return spotId is { } id && _quotes.TryGetValue(id, out var quote) ? quote.Last.LastPrice : null;
    }

    private decimal ClosingPriceLocked(InstrumentId instrument, decimal fallback)
    {
        if (!_quotes.TryGetValue(instrument, out var quote))
        {
            return fallback;
        }

        return quote.Last.PreviousClose > 0m ? quote.Last.PreviousClose : quote.Last.LastPrice;
    }

    private Task<BrokerResult<T>> ReadAsync<T>(Func<T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<BrokerResult<T>>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(BrokerResult<T>.Ok(read()));
        }
    }
}
