namespace KotakBlazor.Core.Instruments;

/// <summary>
/// NSE quotes an index under one name (NIFTY BANK) and lists its derivatives under another
/// (BANKNIFTY), and Kotak's scrip master writes them so. A trader types either, so search, the
/// option chains, option strategies and the simulator treat them as one underlying.
/// </summary>
public static class UnderlyingNames
{
    private static readonly Dictionary<string, string> DerivativeNameByIndexName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NIFTY 50"] = "NIFTY",
        ["NIFTY BANK"] = "BANKNIFTY",
        ["NIFTY FIN SERVICE"] = "FINNIFTY",
        ["NIFTY FINANCIAL SERVICES"] = "FINNIFTY",
        ["NIFTY MID SELECT"] = "MIDCPNIFTY",
        ["NIFTY MIDCAP SELECT"] = "MIDCPNIFTY",
        ["NIFTY NEXT 50"] = "NIFTYNXT50",
        ["BSE SENSEX"] = "SENSEX",
        ["BSE BANKEX"] = "BANKEX",
    };

    /// <summary>The name the derivatives use for this underlying, upper case; the name itself when it has no alias.</summary>
    public static string Canonical(string name)
    {
        var trimmed = name.Trim();
        return DerivativeNameByIndexName.TryGetValue(trimmed, out var derivativeName) ? derivativeName : trimmed.ToUpperInvariant();
    }
}
