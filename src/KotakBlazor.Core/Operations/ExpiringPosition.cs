using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Positions;

namespace KotakBlazor.Core.Operations;

/// <summary>An open position in a contract that expires today.</summary>
/// <param name="Position">The account's position.</param>
/// <param name="Instrument">The contract.</param>
/// <param name="Spot">Its underlying's quoted instrument (the index or the stock), when the catalog has it.</param>
public sealed record ExpiringPosition(Position Position, Instrument Instrument, Instrument? Spot)
{
    /// <summary>True for a stock's derivative: physical settlement applies.</summary>
    public bool IsStockDerivative => Spot?.Type == InstrumentType.Equity;

    /// <summary>A line for the warning, e.g. "NIFTY26D0826000CE NRML long 65: index option, cash-settled at the closing spot".</summary>
    public string Describe()
    {
        var side = Position.NetQuantity > 0 ? "long" : "short";
        var what = (IsStockDerivative, Instrument.Type) switch
        {
            (true, InstrumentType.Option) => "stock option: settled by delivery of the shares if in the money at the close",
            (true, _) => "stock future: settled by delivery of the shares",
            (false, InstrumentType.Option) => "index option: cash-settled at the closing spot",
            _ => "index future: cash-settled at the closing spot",
        };
        return $"{Instrument.TradingSymbol} {Position.Product.ToString().ToUpperInvariant()} {side} {Math.Abs(Position.NetQuantity)}: {what}";
    }
}
