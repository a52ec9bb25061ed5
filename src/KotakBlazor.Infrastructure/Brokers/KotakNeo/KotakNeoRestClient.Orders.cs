using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Place, modify and cancel: the order budget, a single attempt each (a retry could place twice).</summary>
public sealed partial class KotakNeoRestClient
{
    /// <summary>Places one order; the value is Kotak's order number (<c>nOrdNo</c>).</summary>
    public async Task<BrokerResult<string>> PlaceAsync(BrokerOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jData = KotakJData.Write(
            ("am", request.AfterMarket ? "YES" : "NO"),
            ("dq", "0"),
            ("es", request.Instrument.Segment.ToWireName()),
            ("mp", "0"),
            ("pc", KotakWireWords.Product(request.Product)),
            ("pf", "N"),
            ("pr", KotakWireWords.Number(request.Type is OrderType.Market or OrderType.StopLossMarket ? 0m : request.Price)),
            ("pt", KotakWireWords.PriceType(request.Type)),
            ("qt", KotakWireWords.Number(request.Quantity)),
            ("rt", KotakWireWords.Validity(request.Validity)),
            ("tp", KotakWireWords.Number(request.Type is OrderType.StopLoss or OrderType.StopLossMarket ? request.TriggerPrice : 0m)),
            ("ts", request.TradingSymbol),
            ("tt", KotakWireWords.Side(request.Side)),
            ("tk", KotakWireWords.Number(request.Instrument.Token)),
            ("ig", request.Tag),
            ("os", _options.OrderSource));
        var reply = await SendAuthorizedAsync("place", (session, token) => OrderCall("place", session, token, "quick/order/rule/ms/place", jData), cancellationToken);
        return OrderNumber(reply, KotakOperation.Place, "place", fallback: null);
    }

    /// <summary>
    /// Changes a working order. Kotak wants the order's unchanged fields too (segment, symbol, token, side,
    /// product, filled quantity), so the caller passes the row as last seen.
    /// </summary>
    public async Task<BrokerResult<string>> ModifyAsync(BrokerOrder current, BrokerModifyRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var jData = KotakJData.Write(
            ("no", change.BrokerOrderId),
            ("pr", KotakWireWords.Number(change.Type is OrderType.Market or OrderType.StopLossMarket ? 0m : change.Price)),
            ("pt", KotakWireWords.PriceType(change.Type)),
            ("qt", KotakWireWords.Number(change.Quantity)),
            // Only a DAY order can still be working to be modified: an IOC order is gone by then.
            ("vd", "DAY"),
            ("tp", KotakWireWords.Number(change.Type is OrderType.StopLoss or OrderType.StopLossMarket ? change.TriggerPrice : 0m)),
            ("dq", "0"),
            ("am", current.AfterMarket ? "YES" : "NO"),
            ("mp", "0"),
            ("tk", KotakWireWords.Number(current.Instrument.Token)),
            ("es", current.Instrument.Segment.ToWireName()),
            ("ts", current.TradingSymbol),
            ("tt", KotakWireWords.Side(current.Side)),
            ("pc", KotakWireWords.Product(current.Product)),
            ("dd", "NA"),
            ("fq", KotakWireWords.Number(current.FilledQuantity)),
            ("os", _options.OrderSource));
        var reply = await SendAuthorizedAsync("modify", (session, token) => OrderCall("modify", session, token, "quick/order/vr/modify", jData), cancellationToken);
        return OrderNumber(reply, KotakOperation.Modify, "modify", change.BrokerOrderId);
    }

    /// <summary>Cancels a working order; an after-market order also needs its trading symbol.</summary>
    public async Task<BrokerResult<string>> CancelAsync(string brokerOrderId, bool afterMarket, string? tradingSymbol, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        var jData = afterMarket && tradingSymbol is not null
            ? KotakJData.Write(("on", brokerOrderId), ("am", "YES"), ("ts", tradingSymbol))
            : KotakJData.Write(("on", brokerOrderId), ("am", afterMarket ? "YES" : "NO"));
        var reply = await SendAuthorizedAsync("cancel", (session, token) => OrderCall("cancel", session, token, "quick/order/cancel", jData), cancellationToken);
        return OrderNumber(reply, KotakOperation.Cancel, "cancel", brokerOrderId);
    }

    private KotakCall OrderCall(string name, KotakSession session, string accessToken, string path, string jData) =>
        new(name, HttpMethod.Post, KotakUrls.Combine(session.BaseUrl, path), KotakCallKind.Order)
        {
            // SDK v3 also sends the access token on order calls.
            Headers = [.. SessionHeaders(session), new("Authorization", accessToken)],
            JData = jData,
        };

    private BrokerResult<string> OrderNumber(BrokerResult<KotakReply> reply, KotakOperation operation, string name, string? fallback)
    {
        if (Refusal(reply, operation) is { } error)
        {
            if (error.Kind is BrokerErrorKind.Refused or BrokerErrorKind.NotFound)
            {
                _logger.LogWarning("Kotak Neo refused the {Call}: {Error}", name, error);
            }

            return BrokerResult<string>.Fail(error);
        }

        var orderId = KotakJson.Text(reply.Value.Body, "nOrdNo") ?? fallback;
        return orderId is null
            ? BrokerResult<string>.Fail(BrokerErrorKind.Malformed,
                $"Kotak Neo accepted the {name} without an order number. The order may exist: look it up by its tag before sending it again.")
            : BrokerResult<string>.Ok(orderId);
    }
}
