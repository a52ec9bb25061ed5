using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;

namespace KotakBlazor.Core.Positions;

/// <summary>The account's view of a position, as the broker keys it: one instrument under one product.</summary>
/// <param name="Instrument">What is held.</param>
/// <param name="Product">NRML, MIS or CNC: an MIS and an NRML position in the same contract are separate.</param>
public readonly record struct PositionKey(InstrumentId Instrument, ProductType Product);
