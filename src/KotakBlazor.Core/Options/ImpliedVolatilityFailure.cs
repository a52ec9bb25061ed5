namespace KotakBlazor.Core.Options;

/// <summary>Why <see cref="ImpliedVolatility.Solve"/> found no volatility.</summary>
public enum ImpliedVolatilityFailure
{
    /// <summary>No failure: the solve succeeded.</summary>
    None,

    /// <summary>
    /// An input is NaN, infinite or out of its domain: a negative price, a spot or strike that
    /// is not positive, or rates so large that the discount factors overflow.
    /// </summary>
    InvalidInput,

    /// <summary>The option is at or past expiry, where its value no longer depends on volatility.</summary>
    Expired,

    /// <summary>
    /// The price is below the European no-arbitrage floor, the discounted intrinsic value
    /// max(0, S·e^(−qT) − K·e^(−rT)) for a call and max(0, K·e^(−rT) − S·e^(−qT)) for a put.
    /// </summary>
    PriceBelowIntrinsic,

    /// <summary>
    /// The price equals the discounted intrinsic value (within the price tolerance): there is no
    /// time value, so every small enough volatility fits and none is meaningful.
    /// </summary>
    NoTimeValue,

    /// <summary>
    /// The price is at or above the no-arbitrage ceiling (S·e^(−qT) for a call, K·e^(−rT) for a
    /// put), which only an infinite volatility reaches.
    /// </summary>
    PriceAboveUpperBound,

    /// <summary>
    /// The price has time value but less than the model gives at
    /// <see cref="ImpliedVolatility.MinVolatility"/>.
    /// </summary>
    VolatilityBelowRange,

    /// <summary>
    /// The price is below the ceiling but above the model's value at
    /// <see cref="ImpliedVolatility.MaxVolatility"/>.
    /// </summary>
    VolatilityAboveRange,

    /// <summary>The iteration budget ran out before the price or the volatility bracket met its tolerance.</summary>
    NoConvergence,
}
