using System.Globalization;

namespace KotakBlazor.Core.Risk;

/// <summary>
/// The risk engine's answer for one order: every refusal at once (so the trader fixes them all in
/// one go), and how the execution engine must send it. A struct, so an allowed order costs no
/// allocation. The default value is not a verdict and is not allowed.
/// </summary>
public readonly struct RiskVerdict
{
    private readonly IReadOnlyList<RiskRefusal>? _refusals;

    /// <summary>Creates a verdict.</summary>
    /// <param name="refusals">Every refusal; empty when the order is allowed.</param>
    /// <param name="sliceCount">How many orders the exchange's freeze quantity splits it into (1 when none).</param>
    /// <param name="notional">Quantity x reference price x multiplier, in rupees (0 when no price is known).</param>
    public RiskVerdict(IReadOnlyList<RiskRefusal> refusals, int sliceCount, decimal notional)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        _refusals = refusals;
        SliceCount = sliceCount;
        Notional = notional;
    }

    /// <summary>True when no rule refused the order.</summary>
    public bool IsAllowed => _refusals is { Count: 0 };

    /// <summary>Every refusal, in the order the rules were checked; empty when allowed.</summary>
    public IReadOnlyList<RiskRefusal> Refusals => _refusals ?? [];

    /// <summary>How many orders the freeze quantity splits it into; the execution engine slices, risk does not refuse.</summary>
    public int SliceCount { get; }

    /// <summary>True when the order is above the freeze quantity and goes out in slices.</summary>
    public bool NeedsSlicing => SliceCount > 1;

    /// <summary>Quantity x reference price (LTP, else the limit or trigger price) x multiplier, in rupees.</summary>
    public decimal Notional { get; }

    /// <summary>One line for logs, toasts and the order ticket.</summary>
    public string Summary
    {
        get
        {
            if (_refusals is null)
            {
                return "Not checked";
            }

            if (_refusals.Count > 0)
            {
                return "Refused: " + string.Join("; ", _refusals.Select(r => r.Message));
            }

            var value = string.Create(CultureInfo.InvariantCulture, $"notional {RiskText.Money(Notional)}");
            return SliceCount > 1
                ? string.Create(CultureInfo.InvariantCulture, $"Allowed in {SliceCount} slices, {value}")
                : $"Allowed, {value}";
        }
    }

    /// <summary>Whether <paramref name="rule"/> is among the refusals.</summary>
    public bool IsRefusedBy(RiskRule rule)
    {
        foreach (var refusal in Refusals)
        {
            if (refusal.Rule == rule)
            {
                return true;
            }
        }

        return false;
    }
}
