using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Web.Hosting;

namespace KotakBlazor.Web.Broker;

/// <summary>The broker health panel at one moment.</summary>
/// <param name="Mode">The configured <c>Broker:Mode</c>.</param>
/// <param name="Broker">The broker orders go to ("Paper", "Kotak Neo").</param>
/// <param name="At">When it was read.</param>
/// <param name="Login">The Kotak login; null in Paper mode (no login needed).</param>
/// <param name="Feeds">The market feed and, in KotakNeo mode, the order feed.</param>
/// <param name="Budget">Orders and requests that could go out right now.</param>
/// <param name="ScripMaster">The latest scrip-master load, in the Kotak modes.</param>
/// <param name="Paper">The paper broker's account, when orders go to it.</param>
/// <param name="SimulatedInstruments">In Paper mode: whether the simulated market quotes a cached scrip master's contracts or built-in ones.</param>
public sealed record BrokerHealthSnapshot(
    BrokerMode Mode,
    string Broker,
    DateTimeOffset At,
    BrokerLoginStatus? Login,
    IReadOnlyList<BrokerFeedHealth> Feeds,
    BrokerOrderBudget Budget,
    ScripMasterRefreshResult? ScripMaster,
    PaperBrokerHealth? Paper,
    SimulatedInstrumentsOrigin? SimulatedInstruments);
