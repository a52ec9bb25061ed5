namespace KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

/// <summary>
/// The price divider of each SFeed exchange id, from the auth reply's <c>exchanges</c>. An
/// exchange the reply does not name divides by 100, as Kotak's guide says.
/// </summary>
public sealed class SFeedDividers
{
    /// <summary>The divider of an exchange the server did not announce.</summary>
    public const decimal Default = 100m;

    // Kotak's exchange ids (guide section 9); the auth reply may override them with "value".
    private static readonly Dictionary<string, int> ExchangeIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nse_cm"] = 1, ["nse_fo"] = 2, ["cde_fo"] = 3, ["nse_com"] = 4, ["bse_cm"] = 5,
        ["bse_fo"] = 6, ["bse_cd"] = 7, ["bse_co"] = 8, ["mcx_fo"] = 9, ["ncd_co"] = 10,
    };

    private readonly Dictionary<int, decimal> _byExchangeId;

    private SFeedDividers(Dictionary<int, decimal> byExchangeId) => _byExchangeId = byExchangeId;

    /// <summary>Every exchange divides by 100.</summary>
    public static SFeedDividers Defaults { get; } = new([]);

    /// <summary>Dividers by exchange name (<c>nse_fo</c>) with optional explicit exchange ids; unknown names without an id are ignored.</summary>
    public static SFeedDividers From(IEnumerable<(string Exchange, decimal Divider, int? ExchangeId)> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var byId = new Dictionary<int, decimal>();
        foreach (var (exchange, divider, explicitId) in exchanges)
        {
            // A zero divider would divide every price by zero; keep the documented default instead.
            if (divider <= 0)
            {
                continue;
            }

            if (explicitId is { } id || ExchangeIds.TryGetValue(exchange, out id))
            {
                byId[id] = divider;
            }
        }

        return new SFeedDividers(byId);
    }

    /// <summary>The divider for an exchange id from a packet header.</summary>
    public decimal For(int exchangeId) => _byExchangeId.TryGetValue(exchangeId, out var divider) ? divider : Default;
}
