using KotakBlazor.Core.Strategies;

namespace KotakBlazor.Web.Strategies;

/// <summary>The outcome of a change to a strategy: its new status, or the reasons it was refused.</summary>
public sealed record StrategyResult(StrategyStatus? Status, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static StrategyResult Refused(params string[] errors) => new(null, errors);
}
