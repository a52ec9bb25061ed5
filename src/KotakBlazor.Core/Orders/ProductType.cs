namespace KotakBlazor.Core.Orders;

/// <summary>The product an order is placed under (Kotak's <c>pc</c>).</summary>
public enum ProductType
{
    /// <summary>NRML: carry-forward derivatives.</summary>
    Nrml,
    /// <summary>MIS: intraday, squared off by the broker before the close.</summary>
    Mis,
    /// <summary>CNC: delivery equity.</summary>
    Cnc,
}
