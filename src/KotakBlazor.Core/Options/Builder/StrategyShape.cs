namespace KotakBlazor.Core.Options.Builder;

/// <summary>What the trader asks the builder for.</summary>
/// <param name="Kind">The structure.</param>
/// <param name="Lots">Lots per leg; quantities are lots x the contract's lot size.</param>
/// <param name="Choice">How the short strikes are picked (strangle and condor).</param>
/// <param name="Points">
/// Strangle and condor: how far from spot the short strikes sit when picked by points. Spreads:
/// how far from spot the bought strike sits (0 = at the money; above spot for a bull call, below for a bear put).
/// </param>
/// <param name="Delta">The short legs' delta when picked by delta (0.15 for the 0.15-delta call and the -0.15-delta put).</param>
/// <param name="WingPoints">Condor: how far beyond each short strike the bought wing sits. Spreads: the distance between the two strikes.</param>
public sealed record StrategyShape(
    OptionStrategyKind Kind,
    int Lots,
    StrikeChoice Choice = StrikeChoice.PointsFromSpot,
    decimal Points = 200m,
    double Delta = 0.15,
    decimal WingPoints = 200m);
