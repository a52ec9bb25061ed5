namespace KotakBlazor.Web.Hubs;

/// <summary>
/// An order from a hub client. Instrument by trading symbol or id; side <c>BUY</c>/<c>SELL</c>;
/// quantity in units; type <c>MKT</c>, <c>L</c>, <c>SL</c> or <c>SL-M</c>; product <c>NRML</c>,
/// <c>MIS</c> or <c>CNC</c>. The client's idempotency key makes a resend after a dropped
/// connection place the order once.
/// </summary>
public sealed record PlaceOrderMessage(
    string Instrument,
    string Side,
    int Quantity,
    string Type,
    string Product,
    decimal? Price,
    decimal? TriggerPrice,
    string? IdempotencyKey);

/// <summary>The answer to <see cref="PlaceOrderMessage"/>: the orders made, or why none was.</summary>
public sealed record PlaceOrderResult(bool Accepted, string Message, IReadOnlyList<KotakBlazor.Core.Orders.Order> Orders);
