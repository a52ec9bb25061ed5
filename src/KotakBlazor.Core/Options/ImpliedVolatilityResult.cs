namespace KotakBlazor.Core.Options;

/// <summary>
/// The outcome of <see cref="ImpliedVolatility.Solve"/>: a volatility, or the reason there is
/// none. <see cref="Volatility"/> is never NaN: a failed solve reports 0 there, so code that
/// forgets to check <see cref="Succeeded"/> shows an obviously wrong number rather than
/// spreading NaN through sums and charts.
/// </summary>
/// <remarks>
/// The default value is not something <see cref="ImpliedVolatility.Solve"/> returns: it has
/// <see cref="Succeeded"/> false and <see cref="FailureReason"/>
/// <see cref="ImpliedVolatilityFailure.None"/>.
/// </remarks>
public readonly record struct ImpliedVolatilityResult
{
    private ImpliedVolatilityResult(bool succeeded, double volatility, int iterations, ImpliedVolatilityFailure failureReason)
    {
        Succeeded = succeeded;
        Volatility = volatility;
        Iterations = iterations;
        FailureReason = failureReason;
    }

    /// <summary>Whether <see cref="Volatility"/> reproduces the price.</summary>
    public bool Succeeded { get; }

    /// <summary>The annual implied volatility (0.13 for 13%) when <see cref="Succeeded"/>; 0 otherwise.</summary>
    public double Volatility { get; }

    /// <summary>
    /// How many times the solver priced the option inside its search loop (0 when the answer
    /// was decided by the bounds checks alone).
    /// </summary>
    public int Iterations { get; }

    /// <summary>Why the solve failed; <see cref="ImpliedVolatilityFailure.None"/> when it succeeded.</summary>
    public ImpliedVolatilityFailure FailureReason { get; }

    /// <summary>The volatility when the solve succeeded, otherwise null: the form a screen shows.</summary>
    public double? VolatilityOrNull => Succeeded ? Volatility : null;

    internal static ImpliedVolatilityResult Success(double volatility, int iterations) =>
        new(true, volatility, iterations, ImpliedVolatilityFailure.None);

    internal static ImpliedVolatilityResult Failure(ImpliedVolatilityFailure reason, int iterations = 0) =>
        new(false, 0.0, iterations, reason);
}
