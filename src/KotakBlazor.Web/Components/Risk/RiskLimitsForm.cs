using System.ComponentModel.DataAnnotations;
using KotakBlazor.Core.Risk;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>The limits editor's fields. Zero turns a numeric limit off; negatives are refused here and on the server.</summary>
public sealed class RiskLimitsForm
{
    private const string NotNegative = "{0} cannot be negative (0 turns it off).";

    [Range(0, 1_000_000_000_000d, ErrorMessage = NotNegative)]
    [Display(Name = "Max daily loss")]
    public decimal MaxDailyLoss { get; set; }

    [Range(0, 1_000_000_000_000d, ErrorMessage = NotNegative)]
    [Display(Name = "Max total exposure")]
    public decimal MaxTotalExposure { get; set; }

    [Range(0, 1_000_000_000_000d, ErrorMessage = NotNegative)]
    [Display(Name = "Max exposure per instrument")]
    public decimal MaxExposurePerInstrument { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = NotNegative)]
    [Display(Name = "Max open positions")]
    public int MaxOpenPositions { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = NotNegative)]
    [Display(Name = "Max lots per order")]
    public int MaxLotsPerOrder { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = NotNegative)]
    [Display(Name = "Max orders per second")]
    public int MaxOrdersPerSecond { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = NotNegative)]
    [Display(Name = "Max orders per day")]
    public int MaxOrdersPerDay { get; set; }

    [Range(0, 100d, ErrorMessage = "{0} must be between 0 and 100 (0 turns it off).")]
    [Display(Name = "Price band")]
    public decimal PriceBandPercent { get; set; }

    [Range(0, 3600, ErrorMessage = "{0} must be between 0 and 3600 seconds (0 turns it off).")]
    [Display(Name = "Duplicate window")]
    public int DuplicateWindowSeconds { get; set; }

    public bool AllowAfterMarketOrders { get; set; }

    public bool SquareOffOnKillSwitch { get; set; }

    public static RiskLimitsForm From(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new RiskLimitsForm
        {
            MaxDailyLoss = limits.MaxDailyLoss,
            MaxTotalExposure = limits.MaxTotalExposure,
            MaxExposurePerInstrument = limits.MaxExposurePerInstrument,
            MaxOpenPositions = limits.MaxOpenPositions,
            MaxLotsPerOrder = limits.MaxLotsPerOrder,
            MaxOrdersPerSecond = limits.MaxOrdersPerSecond,
            MaxOrdersPerDay = limits.MaxOrdersPerDay,
            PriceBandPercent = limits.PriceBandPercent,
            DuplicateWindowSeconds = limits.DuplicateWindowSeconds,
            AllowAfterMarketOrders = limits.AllowAfterMarketOrders,
            SquareOffOnKillSwitch = limits.SquareOffOnKillSwitch,
        };
    }

    public RiskLimits ToLimits() => new()
    {
        MaxDailyLoss = MaxDailyLoss,
        MaxTotalExposure = MaxTotalExposure,
        MaxExposurePerInstrument = MaxExposurePerInstrument,
        MaxOpenPositions = MaxOpenPositions,
        MaxLotsPerOrder = MaxLotsPerOrder,
        MaxOrdersPerSecond = MaxOrdersPerSecond,
        MaxOrdersPerDay = MaxOrdersPerDay,
        PriceBandPercent = PriceBandPercent,
        DuplicateWindowSeconds = DuplicateWindowSeconds,
        AllowAfterMarketOrders = AllowAfterMarketOrders,
        SquareOffOnKillSwitch = SquareOffOnKillSwitch,
    };
}
