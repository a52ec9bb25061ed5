using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Tests.Positions;

/// <summary>Builds fills for position, risk and journal tests; times are IST on <see cref="TestTicks.TradingDay"/> unless given.</summary>
internal static class TestFills
{
    public static readonly InstrumentId Call = new(ExchangeSegment.NseFo, 40_001);
    public static readonly InstrumentId Put = new(ExchangeSegment.NseFo, 40_002);
    public static readonly InstrumentId Reliance = TestTicks.Reliance;

    private static int _nextTrade;

    public static Fill Buy(int quantity, decimal price, InstrumentId? instrument = null, Guid? strategy = null, ProductType product = ProductType.Nrml, DateTimeOffset? time = null, string? tradeId = null, Guid? orderId = null) =>
        Make(OrderSide.Buy, quantity, price, instrument, strategy, product, time, tradeId, orderId);

    public static Fill Sell(int quantity, decimal price, InstrumentId? instrument = null, Guid? strategy = null, ProductType product = ProductType.Nrml, DateTimeOffset? time = null, string? tradeId = null, Guid? orderId = null) =>
        Make(OrderSide.Sell, quantity, price, instrument, strategy, product, time, tradeId, orderId);

    private static Fill Make(OrderSide side, int quantity, decimal price, InstrumentId? instrument, Guid? strategy, ProductType product, DateTimeOffset? time, string? tradeId, Guid? orderId)
    {
        var id = instrument ?? Call;
        return new Fill(
            tradeId ?? $"T{Interlocked.Increment(ref _nextTrade)}",
            orderId,
            "B1",
            id,
            SymbolOf(id),
            side,
            product,
            quantity,
            price,
            time ?? TestTicks.Ist(10, 0),
            strategy);
    }

    public static string SymbolOf(InstrumentId id) =>
        id == Call ? "NIFTY25D0226000CE" : id == Put ? "NIFTY25D0225800PE" : id == Reliance ? "RELIANCE-EQ" : id.ToString();
}
