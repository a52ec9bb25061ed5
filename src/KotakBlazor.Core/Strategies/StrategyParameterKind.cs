namespace KotakBlazor.Core.Strategies;

/// <summary>What kind of value a strategy parameter takes, which decides how it is parsed and shown.</summary>
public enum StrategyParameterKind
{
    /// <summary>A whole number within Min..Max.</summary>
    Integer,
    /// <summary>A decimal number within Min..Max.</summary>
    Decimal,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>An IST wall-clock time, HH:mm.</summary>
    TimeOfDay,
    /// <summary>One of a fixed list of choices.</summary>
    Choice,
}
