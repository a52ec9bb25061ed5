using KotakBlazor.Core.MarketData;

namespace KotakBlazor.Web.Hubs;

/// <summary>A tick as outside clients receive it. Prices are decimals (JSON numbers), times ISO-8601 UTC.</summary>
public sealed record TickMessage(
    string Instrument,
    string Symbol,
    decimal LastPrice,
    decimal Change,
    decimal ChangePercent,
    long LastQuantity,
    long Volume,
    long OpenInterest,
    decimal BidPrice,
    decimal AskPrice,
    DateTimeOffset ExchangeTime,
    long Sequence)
{
    public static TickMessage From(in Tick tick, string instrumentKey, string symbol) => new(
        instrumentKey,
        symbol,
        tick.LastPrice,
        tick.Change,
        Math.Round(tick.ChangePercent, 2),
        tick.LastQuantity,
        tick.Volume,
        tick.OpenInterest,
        tick.BidPrice,
        tick.AskPrice,
        tick.ExchangeTime,
        tick.Sequence);
}
