using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.MarketData.Bus;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Brokers.Paper;
using Microsoft.Extensions.Logging.Abstractions;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>A small market for paper broker tests: NIFTY, one NIFTY call, the NIFTY future and RELIANCE, a manual clock on a Monday morning.</summary>
internal sealed class PaperMarket
{
    public static readonly Instrument Nifty = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0);

    public static readonly Instrument NiftyCall = new(new InstrumentId(ExchangeSegment.NseFo, 100001), "NIFTY26DEC26000CE", "NIFTY", "NIFTY 29 Dec 26000 CE",
        InstrumentType.Option, "NIFTY", 65, 0.05m, 1800, new DateOnly(2026, 12, 29), 26000m, OptionType.Call);

    public static readonly Instrument NiftyFuture = new(new InstrumentId(ExchangeSegment.NseFo, 100002), "NIFTY26DECFUT", "NIFTY", "NIFTY Dec future",
        InstrumentType.Future, "NIFTY", 65, 0.05m, 1800, new DateOnly(2026, 12, 29));

    public static readonly Instrument Reliance = new(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance Industries Ltd",
        InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0);

    public PaperMarket(DateTimeOffset? start = null) => Clock = new ManualClock(start ?? MondayIst(10, 0));

    public InstrumentCatalog Catalog { get; } = new([Nifty, NiftyCall, NiftyFuture, Reliance]);

    public TickBus Bus { get; } = new();

    public ManualClock Clock { get; }

    public IMarketHours Hours { get; set; } = new NseMarketHours();

    /// <summary>A time on Monday 23 Nov 2026, IST.</summary>
    public static DateTimeOffset MondayIst(int hour, int minute) => IndianMarketTime.AtIst(new DateOnly(2026, 11, 23), new TimeOnly(hour, minute));

    public PaperBroker CreateBroker(PaperBrokerOptions? options = null) =>
        new(Catalog, Bus, Hours, Clock, options ?? new PaperBrokerOptions(), NullLogger<PaperBroker>.Instance);

    /// <summary>A tick at the clock's time; bid and ask 0 mean "not in the tick".</summary>
    public Tick Tick(Instrument instrument, decimal lastPrice, decimal bid = 0m, decimal ask = 0m, decimal previousClose = 0m) =>
        new(instrument.Id, lastPrice, 1, 1000, 0, bid, ask, previousClose, Clock.GetUtcNow());

    public static BrokerOrderRequest Market(Instrument instrument, OrderSide side, int quantity, string tag, ProductType product = ProductType.Nrml,
        OrderValidity validity = OrderValidity.Day) =>
        new(tag, instrument.Id, instrument.TradingSymbol, side, quantity, OrderType.Market, product, 0m, 0m, Validity: validity);

    public static BrokerOrderRequest Limit(Instrument instrument, OrderSide side, int quantity, decimal price, string tag, ProductType product = ProductType.Nrml,
        OrderValidity validity = OrderValidity.Day) =>
        new(tag, instrument.Id, instrument.TradingSymbol, side, quantity, OrderType.Limit, product, price, 0m, Validity: validity);

    public static BrokerOrderRequest Stop(Instrument instrument, OrderSide side, int quantity, decimal trigger, decimal price, string tag) =>
        new(tag, instrument.Id, instrument.TradingSymbol, side, quantity, price == 0m ? OrderType.StopLossMarket : OrderType.StopLoss,
            ProductType.Nrml, price, trigger);
}
