namespace KotakBlazor.Core.Options.Builder;

/// <summary>How the short strikes of a strangle or condor are chosen.</summary>
public enum StrikeChoice
{
    /// <summary>The listed strike nearest to spot plus (call) or minus (put) a number of points.</summary>
    PointsFromSpot,

    /// <summary>The listed strike whose delta is nearest a target, e.g. the 0.15-delta call and the -0.15-delta put.</summary>
    Delta,
}
