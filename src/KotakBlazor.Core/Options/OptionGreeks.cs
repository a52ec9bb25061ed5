namespace KotakBlazor.Core.Options;

/// <summary>
/// The sensitivities of one European option's value, in the units traders quote them in.
/// Each greek is given in both its textbook unit and the desk unit so that nobody has to
/// remember which scaling a screen used.
/// </summary>
/// <param name="Price">The option's value per unit of the underlying.</param>
/// <param name="Delta">Change in value per 1 rupee move of the underlying.</param>
/// <param name="Gamma">Change in delta per 1 rupee move of the underlying.</param>
/// <param name="ThetaPerYear">Change in value per year of passing time (negative for a long option as a rule).</param>
/// <param name="VegaPerUnit">Change in value per 1.00 (100 vol points) change of volatility.</param>
/// <param name="RhoPerUnit">Change in value per 1.00 (100 percentage points) change of the risk-free rate.</param>
public readonly record struct OptionGreeks(
    double Price,
    double Delta,
    double Gamma,
    double ThetaPerYear,
    double VegaPerUnit,
    double RhoPerUnit)
{
    /// <summary>Calendar days per year used to turn <see cref="ThetaPerYear"/> into a daily figure (Hull's convention).</summary>
    public const double CalendarDaysPerYear = 365.0;

    /// <summary>Theta per calendar day: <see cref="ThetaPerYear"/> / 365.</summary>
    public double ThetaPerCalendarDay => ThetaPerYear / CalendarDaysPerYear;

    /// <summary>Vega per 1 vol point (volatility 0.20 to 0.21): <see cref="VegaPerUnit"/> / 100.</summary>
    public double VegaPerVolPoint => VegaPerUnit / 100.0;

    /// <summary>Rho per 1 percentage point of the rate: <see cref="RhoPerUnit"/> / 100.</summary>
    public double RhoPerPercentPoint => RhoPerUnit / 100.0;
}
