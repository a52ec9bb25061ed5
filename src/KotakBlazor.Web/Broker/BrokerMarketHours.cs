namespace KotakBlazor.Web.Broker;

/// <summary>Which trading hours the Kotak modes keep (<c>Broker:MarketHours</c>).</summary>
public enum BrokerMarketHours
{
    /// <summary>NSE's normal session, 09:15-15:30 IST on weekdays.</summary>
    Nse,

    /// <summary>Round the clock: for a fake exchange in tests or a broker's test environment.</summary>
    AlwaysOpen,
}
