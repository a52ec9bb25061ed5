using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Strategies.BuiltIn;

/// <summary>One leg of an option position: the contract, which way it was traded, and at what price.</summary>
/// <param name="Instrument">The option contract.</param>
/// <param name="Side">Bought or sold at entry.</param>
/// <param name="Price">The LTP it was entered at.</param>
internal sealed record OptionLeg(Instrument Instrument, OrderSide Side, decimal Price);
