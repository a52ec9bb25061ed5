namespace KotakBlazor.Web.Broker;

/// <summary>The paper broker's account on the health panel.</summary>
/// <param name="Net">Cash available, in rupees.</param>
/// <param name="MarginUsed">Margin blocked by positions and working orders.</param>
/// <param name="WorkingOrders">Orders still working at the paper broker.</param>
/// <param name="Problem">Why the account could not be read, if it could not.</param>
public sealed record PaperBrokerHealth(decimal Net, decimal MarginUsed, int WorkingOrders, string? Problem);
