using System.Text.Json;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Reads: order book, history, trades, positions, holdings, limits, margin and quotes. Reads are retried after a 5xx or a timeout.</summary>
public sealed partial class KotakNeoRestClient
{
    /// <summary>Quotes per call: the backend refuses more.</summary>
    public const int QuotesPerCall = 50;

    /// <summary>Today's orders.</summary>
    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderBookAsync(CancellationToken cancellationToken) =>
        ReadRowsAsync("order book", "quick/user/orders", null, KotakOrderRows.Order, cancellationToken);

    /// <summary>Every state an order went through, oldest first (Kotak sends newest first).</summary>
    public async Task<BrokerResult<IReadOnlyList<BrokerOrder>>> GetOrderHistoryAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync("order history", "quick/order/history", KotakJData.Write(("nOrdNo", brokerOrderId)), KotakOrderRows.Order, cancellationToken);
        // Reversed by position, not sorted by time: the rows' timestamps say when the answer was assembled, not when each state began.
        return rows.IsSuccess ? BrokerResult<IReadOnlyList<BrokerOrder>>.Ok(rows.Value!.Reverse().ToList()) : rows;
    }

    /// <summary>Today's trades. Kotak leaves the token out of trade rows: such trades carry token 0 (the gateway fills it from the order).</summary>
    public Task<BrokerResult<IReadOnlyList<BrokerTrade>>> GetTradeBookAsync(CancellationToken cancellationToken) =>
        ReadRowsAsync("trade book", "quick/user/trades", null, KotakOrderRows.Trade, cancellationToken);

    /// <summary>Today's positions.</summary>
    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> GetPositionsAsync(CancellationToken cancellationToken) =>
        ReadRowsAsync("positions", "quick/user/positions", null, static (row, _) => KotakPortfolioRows.Position(row), cancellationToken);

    /// <summary>Demat holdings.</summary>
    public Task<BrokerResult<IReadOnlyList<BrokerHolding>>> GetHoldingsAsync(CancellationToken cancellationToken) =>
        ReadRowsAsync("holdings", "portfolio/v1/holdings", null, static (row, _) => KotakPortfolioRows.Holding(row), cancellationToken);

    /// <summary>Funds across all segments, exchanges and products.</summary>
    public async Task<BrokerResult<BrokerFunds>> GetFundsAsync(CancellationToken cancellationToken)
    {
        var reply = await ReadAsync("limits", "quick/user/limits", KotakJData.Write(("seg", "ALL"), ("exch", "ALL"), ("prod", "ALL")), cancellationToken);
        return Refusal(reply, KotakOperation.Read) is { } error
            ? BrokerResult<BrokerFunds>.Fail(error)
            : BrokerResult<BrokerFunds>.Ok(KotakPortfolioRows.Funds(reply.Value.Body));
    }

    /// <summary>The margin an order would need.</summary>
    public async Task<BrokerResult<MarginEstimate>> CheckMarginAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jData = KotakJData.Write(
            ("brkName", "KOTAK"),
            ("brnchId", "ONLINE"),
            ("exSeg", request.Instrument.Segment.ToWireName()),
            ("prc", KotakWireWords.Number(request.Type is Core.Orders.OrderType.Market or Core.Orders.OrderType.StopLossMarket ? 0m : request.Price)),
            ("prcTp", KotakWireWords.PriceType(request.Type)),
            ("prod", KotakWireWords.Product(request.Product)),
            ("qty", KotakWireWords.Number(request.Quantity)),
            ("tok", KotakWireWords.Number(request.Instrument.Token)),
            ("trnsTp", KotakWireWords.Side(request.Side)),
            ("trgPrc", KotakWireWords.Number(request.TriggerPrice)));
        var reply = await ReadAsync("check margin", "quick/user/check-margin", jData, cancellationToken);
        return Refusal(reply, KotakOperation.Read) is { } error
            ? BrokerResult<MarginEstimate>.Fail(error)
            : BrokerResult<MarginEstimate>.Ok(KotakPortfolioRows.Margin(reply.Value.Body));
    }

    /// <summary>
    /// Snapshots of up to any number of instruments (asked for in batches of <see cref="QuotesPerCall"/>).
    /// Quotes need only the access token; after login they go to the session's host.
    /// </summary>
    public async Task<BrokerResult<IReadOnlyList<KotakQuote>>> GetQuotesAsync(IReadOnlyList<InstrumentId> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var credentials = await Sessions.LoadCredentialsAsync(cancellationToken);
        if (credentials is null)
        {
            return BrokerResult<IReadOnlyList<KotakQuote>>.Fail(Sessions.LastLoginError!);
        }

        var quotes = new List<KotakQuote>(instruments.Count);
        foreach (var batch in instruments.Chunk(QuotesPerCall))
        {
            var symbols = string.Join(",", batch.Select(static i => i.ToString()));
            var host = Sessions.Current?.BaseUrl ?? _options.QuotesBaseUrl;
            var call = new KotakCall("quotes", HttpMethod.Get, KotakUrls.Combine(host, $"script-details/1.0/quotes/neosymbol/{symbols}/all"), KotakCallKind.Read)
            {
                Headers = [new("Authorization", credentials.AccessToken)],
            };
            var reply = await _http.SendAsync(call, cancellationToken);
            if (reply.Error is { Kind: BrokerErrorKind.SessionExpired } refused)
            {
                // Quotes carry no session: a 401/403 here is about the access token.
                return BrokerResult<IReadOnlyList<KotakQuote>>.Fail(BrokerErrorKind.Refused, "Kotak Neo refused the access token for quotes: " + refused.Message, refused.Code);
            }

            if (Refusal(reply, KotakOperation.Read) is { } error)
            {
                return BrokerResult<IReadOnlyList<KotakQuote>>.Fail(error);
            }

            quotes.AddRange(KotakJson.Rows(reply.Value.Body).Select(KotakPortfolioRows.Quote).OfType<KotakQuote>());
        }

        return BrokerResult<IReadOnlyList<KotakQuote>>.Ok(quotes);
    }

    private Task<BrokerResult<KotakReply>> ReadAsync(string name, string path, string? jData, CancellationToken cancellationToken) =>
        SendAuthorizedAsync(name, (session, _) => new KotakCall(name, jData is null ? HttpMethod.Get : HttpMethod.Post, KotakUrls.Combine(session.BaseUrl, path), KotakCallKind.Read)
        {
            Headers = SessionHeaders(session),
            JData = jData,
        }, cancellationToken);

    private async Task<BrokerResult<IReadOnlyList<T>>> ReadRowsAsync<T>(string name, string path, string? jData, Func<JsonElement, DateTimeOffset, T?> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var reply = await ReadAsync(name, path, jData, cancellationToken);
        if (Refusal(reply, KotakOperation.Read) is { } error)
        {
            return BrokerResult<IReadOnlyList<T>>.Fail(error);
        }

        var body = reply.Value.Body;
        if (body.ValueKind == JsonValueKind.Object && KotakJson.Data(body) is { ValueKind: not JsonValueKind.Array } && KotakJson.StatusCode(body) != KotakErrorCodes.NoData)
        {
            return BrokerResult<IReadOnlyList<T>>.Fail(BrokerErrorKind.Malformed, $"Kotak Neo answered the {name} call without a list of rows.");
        }

        var now = _time.GetUtcNow();
        var rows = new List<T>();
        var skipped = 0;
        foreach (var row in KotakJson.Rows(body))
        {
            if (parse(row, now) is { } item)
            {
                rows.Add(item);
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            _logger.LogWarning("Kotak Neo {Call}: {Skipped} row(s) skipped for lack of an order number, side or known segment", name, skipped);
        }

        return BrokerResult<IReadOnlyList<T>>.Ok(rows);
    }
}
