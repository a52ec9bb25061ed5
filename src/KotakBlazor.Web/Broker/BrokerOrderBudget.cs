namespace KotakBlazor.Web.Broker;

/// <summary>What could go out this second without waiting.</summary>
/// <param name="DeskOrdersLeft">The order desk's own pacing (the risk limit's orders per second).</param>
/// <param name="DeskOrdersPerSecond">Its budget; 0 when it does not pace.</param>
/// <param name="BrokerOrdersLeft">Kotak's order budget left (10 a second documented); null for the paper broker.</param>
/// <param name="BrokerOrdersPerSecond">That budget.</param>
/// <param name="BrokerRequestsLeft">Kotak's budget for every other call left (about 25 a second).</param>
/// <param name="BrokerRequestsPerSecond">That budget.</param>
public sealed record BrokerOrderBudget(
    int DeskOrdersLeft,
    int DeskOrdersPerSecond,
    int? BrokerOrdersLeft,
    int? BrokerOrdersPerSecond,
    int? BrokerRequestsLeft,
    int? BrokerRequestsPerSecond);
