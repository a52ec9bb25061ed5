namespace KotakBlazor.Core.Instruments;

/// <summary>Call (CE) or put (PE).</summary>
public enum OptionType
{
    /// <summary>A call, CE.</summary>
    Call,
    /// <summary>A put, PE.</summary>
    Put,
}
