namespace KotakBlazor.Core.Options.Builder;

/// <summary>The legs the builder laid out, or why it could not.</summary>
/// <param name="Legs">The legs (empty when <paramref name="Problem"/> is set).</param>
/// <param name="Problem">Why no legs could be laid out, in words a trader reads.</param>
public sealed record BuiltLegs(IReadOnlyList<BuilderLeg> Legs, string? Problem)
{
    /// <summary>True when legs were laid out.</summary>
    public bool Succeeded => Problem is null;

    /// <summary>A failure.</summary>
    public static BuiltLegs Fail(string problem) => new([], problem);
}
