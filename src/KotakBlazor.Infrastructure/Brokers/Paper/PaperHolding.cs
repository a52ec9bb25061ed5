namespace KotakBlazor.Infrastructure.Brokers.Paper;

/// <summary>A delivery holding the paper account starts with.</summary>
public sealed class PaperHolding
{
    /// <summary>The trading symbol as the instrument catalog spells it (e.g. <c>RELIANCE-EQ</c>).</summary>
    public string Symbol { get; set; } = string.Empty;

    /// <summary>Units held.</summary>
    public int Quantity { get; set; }

    /// <summary>Average buy price in rupees.</summary>
    public decimal AveragePrice { get; set; }
}
