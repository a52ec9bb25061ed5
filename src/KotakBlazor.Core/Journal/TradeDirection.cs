namespace KotakBlazor.Core.Journal;

/// <summary>Which way a round trip was held.</summary>
public enum TradeDirection
{
    /// <summary>Bought first, sold to close.</summary>
    Long,
    /// <summary>Sold first, bought back to close.</summary>
    Short,
}
