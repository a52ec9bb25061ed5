namespace KotakBlazor.Core.Risk;

/// <summary>
/// Where the account stands against its limits, for reports and the risk page. Utilisations are
/// percentages of the limit (100 = at the limit), null when the limit is off.
/// </summary>
/// <param name="Time">When it was taken.</param>
/// <param name="DayPnl">The day's P&amp;L, realized + unrealized.</param>
/// <param name="RealizedPnl">The day's realized P&amp;L.</param>
/// <param name="UnrealizedPnl">The open positions' P&amp;L.</param>
/// <param name="MaxDailyLoss">The loss that trips the kill switch.</param>
/// <param name="DailyLossUtilisation">The day's loss (0 when in profit) as a percentage of the limit.</param>
/// <param name="TotalExposure">The account's exposure, in rupees.</param>
/// <param name="MaxTotalExposure">Its limit.</param>
/// <param name="ExposureUtilisation">Exposure as a percentage of its limit.</param>
/// <param name="OrdersToday">Orders that went out today (IST).</param>
/// <param name="MaxOrdersPerDay">Their limit.</param>
/// <param name="OrdersUtilisation">Orders today as a percentage of the limit.</param>
/// <param name="OpenPositions">Positions holding quantity.</param>
/// <param name="MaxOpenPositions">Their limit.</param>
/// <param name="OpenPositionsUtilisation">Open positions as a percentage of the limit.</param>
/// <param name="KillSwitch">The kill switch as it stands.</param>
/// <param name="Limits">Every limit in force.</param>
public sealed record RiskSummary(
    DateTimeOffset Time,
    decimal DayPnl,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal MaxDailyLoss,
    decimal? DailyLossUtilisation,
    decimal TotalExposure,
    decimal MaxTotalExposure,
    decimal? ExposureUtilisation,
    int OrdersToday,
    int MaxOrdersPerDay,
    decimal? OrdersUtilisation,
    int OpenPositions,
    int MaxOpenPositions,
    decimal? OpenPositionsUtilisation,
    KillSwitchState KillSwitch,
    RiskLimits Limits);
