using System.Globalization;

namespace KotakBlazor.Core.Strategies;

/// <summary>One parameter a strategy takes, with its range and default, as the parameter form shows it.</summary>
/// <param name="Name">The key in configurations (e.g. <c>fastPeriod</c>).</param>
/// <param name="Label">What people read (e.g. "Fast EMA period").</param>
/// <param name="Kind">Integer, decimal, boolean, time of day or choice.</param>
/// <param name="DefaultValue">The default, in invariant-culture text.</param>
/// <param name="Min">Smallest value accepted (numbers).</param>
/// <param name="Max">Largest value accepted (numbers).</param>
/// <param name="Help">One sentence on what it does.</param>
/// <param name="Choices">The accepted values of a choice.</param>
public sealed record StrategyParameter(
    string Name,
    string Label,
    StrategyParameterKind Kind,
    string DefaultValue,
    decimal? Min = null,
    decimal? Max = null,
    string Help = "",
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>Checks a value in text form; null when acceptable, otherwise a reason for people.</summary>
    public string? Validate(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        switch (Kind)
        {
            case StrategyParameterKind.Integer:
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                {
                    return $"{Label} must be a whole number.";
                }

                return InRange(whole);
            case StrategyParameterKind.Decimal:
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return $"{Label} must be a number.";
                }

                return InRange(number);
            case StrategyParameterKind.Boolean:
                return bool.TryParse(value, out _) ? null : $"{Label} must be true or false.";
            case StrategyParameterKind.TimeOfDay:
                return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"{Label} must be a time as HH:mm (IST).";
            case StrategyParameterKind.Choice:
                return Choices is not null && Choices.Contains(value, StringComparer.Ordinal)
                    ? null
                    : $"{Label} must be one of: {string.Join(", ", Choices ?? [])}.";
            default:
                return $"{Label} has an unknown kind.";
        }
    }

    private string? InRange(decimal value)
    {
        if (Min is { } min && value < min)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Label} must be at least {min}.");
        }

        if (Max is { } max && value > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Label} must be at most {max}.");
        }

        return null;
    }
}
