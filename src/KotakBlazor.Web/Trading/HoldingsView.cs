using KotakBlazor.Core.Brokers;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// The demat holdings split the way strategies must see them: what the system bought (or a trader
/// adopted) and what was there before, which the system never sells.
/// </summary>
/// <param name="Tracked">Quantities the system tracks.</param>
/// <param name="PreExisting">Quantities recorded as pre-existing holdings and not adopted.</param>
/// <param name="Problem">Why the broker's holdings could not be read.</param>
public sealed record HoldingsView(IReadOnlyList<BrokerHolding> Tracked, IReadOnlyList<BrokerHolding> PreExisting, string? Problem);
