using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Core.Options;

/// <summary>
/// An instrument's open interest in one IST session and how far it has moved from the
/// session's reference.
/// </summary>
/// <param name="Instrument">Which contract.</param>
/// <param name="Session">The IST date of the ticks behind these numbers.</param>
/// <param name="OpenInterest">The latest open interest seen in <paramref name="Session"/>, as the feed reports it (contracts' underlying units on NSE).</param>
/// <param name="Reference">What the change is measured from: the previous close's open interest when one was given for the session, otherwise the first open interest seen in it.</param>
/// <param name="ReferenceIsPreviousClose">True when <paramref name="Reference"/> is the previous close rather than the first value seen.</param>
public readonly record struct OpenInterestChange(
    InstrumentId Instrument,
    DateOnly Session,
    long OpenInterest,
    long Reference,
    bool ReferenceIsPreviousClose)
{
    /// <summary>Open interest added (positive) or shed (negative) since the reference.</summary>
    public long Change => OpenInterest - Reference;

    /// <summary><see cref="Change"/> as a percentage of the reference; null when the reference is 0.</summary>
    public double? ChangePercent => Reference == 0 ? null : Change * 100.0 / Reference;
}
