namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;

/// <summary>The raw fields of a market picture (prices as integers before the divider).</summary>
internal sealed record SFeedPicture
{
    public long TotalBuyQuantity { get; init; }

    public long TotalSellQuantity { get; init; }

    public long Volume { get; init; }

    public long LastTradeTime { get; init; }

    public long LastUpdateTime { get; init; }

    public uint Open { get; init; }

    public uint Close { get; init; }

    public uint High { get; init; }

    public uint Low { get; init; }

    public uint LastPrice { get; init; }

    public long LastQuantity { get; init; }

    public uint AveragePrice { get; init; }

    public uint BuyDepthCount { get; init; }

    public uint SellDepthCount { get; init; }

    public int ChangePercent { get; init; }

    public uint OpenInterest { get; init; }

    public double TotalTradedValue { get; init; }

    public int Change { get; init; }

    public uint UpperCircuit { get; init; }

    public uint LowerCircuit { get; init; }

    public uint YearlyHigh { get; init; }

    public uint YearlyLow { get; init; }

    public uint Lot { get; init; } = 1;

    public byte Precision { get; init; } = 2;

    public uint Multiplier { get; init; } = 1;
}
