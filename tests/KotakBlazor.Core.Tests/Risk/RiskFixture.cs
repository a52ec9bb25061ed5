using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Core.Risk;
using KotakBlazor.Core.Tests.Positions;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Core.Tests.Risk;

/// <summary>A risk engine over a small catalog (NIFTY call and put: lot 65, tick 0.05, freeze 1800; RELIANCE; the NIFTY index) and the NSE session.</summary>
internal sealed class RiskFixture
{
    public static readonly DateTimeOffset Open = TestTicks.Ist(10, 0);
    public static readonly InstrumentId Call = TestFills.Call;
    public static readonly InstrumentId Put = TestFills.Put;
    public static readonly InstrumentId NiftyIndex = TestTicks.Nifty;
    public static readonly InstrumentId Unknown = new(ExchangeSegment.NseFo, 99_999);
    public const string CallSymbol = "NIFTY25D0226000CE";

    public RiskFixture(RiskLimits? limits = null)
    {
        var catalog = new InstrumentCatalog(
        [
            new Instrument(Call, CallSymbol, "NIFTY", "NIFTY 02 Dec 26000 CE", InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, new DateOnly(2025, 12, 2), 26000m, OptionType.Call),
            new Instrument(Put, "NIFTY25D0225800PE", "NIFTY", "NIFTY 02 Dec 25800 PE", InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, new DateOnly(2025, 12, 2), 25800m, OptionType.Put),
            new Instrument(TestFills.Reliance, "RELIANCE-EQ", "RELIANCE", "Reliance Industries", InstrumentType.Equity, "RELIANCE", 1, 0.1m, 0),
            new Instrument(NiftyIndex, "NIFTY 50", "NIFTY 50", "NIFTY 50", InstrumentType.Index, "NIFTY 50", 1, 0.05m, 0),
        ]);
        Engine = new RiskEngine(limits ?? RiskLimits.Default, KillSwitch, new NseMarketHours(), Book, catalog);
    }

    public PositionBook Book { get; } = new();

    public KillSwitch KillSwitch { get; } = new();

    public RiskEngine Engine { get; }

    public static OrderRequest Limit(OrderSide side, int quantity, decimal price, InstrumentId? instrument = null, OrderPurpose purpose = OrderPurpose.Entry, Guid? strategy = null) =>
        new(instrument ?? Call, side, quantity, OrderType.Limit, ProductType.Nrml, price, null, OrderSource.Ticket, "asha", purpose, strategy);

    public static OrderRequest Market(OrderSide side, int quantity, InstrumentId? instrument = null, OrderPurpose purpose = OrderPurpose.Entry) =>
        new(instrument ?? Call, side, quantity, OrderType.Market, ProductType.Nrml, null, null, OrderSource.Ticket, "asha", purpose);

    public RiskVerdict Check(OrderRequest request, decimal? lastPrice = 100m, DateTimeOffset? now = null) =>
        Engine.Check(request, lastPrice, now ?? Open);

    /// <summary>Holds a position: a fill at the price, marked there.</summary>
    public void Hold(OrderSide side, int quantity, decimal price, InstrumentId? instrument = null)
    {
        var id = instrument ?? Call;
        Book.Apply(side == OrderSide.Buy ? TestFills.Buy(quantity, price, id) : TestFills.Sell(quantity, price, id));
        Book.Mark(id, price);
    }
}
