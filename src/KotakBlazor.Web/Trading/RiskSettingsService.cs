using System.Globalization;
using KotakBlazor.Core.Kernel;
using KotakBlazor.Core.Risk;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Trading;

/// <summary>
/// Changes the risk limits: an admin only (checked here, on the server, whatever a page shows),
/// no negative limit, and only when nobody else changed them while the admin was editing. New
/// limits are stored first and then put in force in the running kernel, so a limit that is in
/// force is always one that survives a restart; every change is audited with old and new values.
/// </summary>
public sealed class RiskSettingsService(TradingKernel kernel, IRiskStore store, AuditLog audit)
{
    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(RiskLimits.MaxDailyLoss)] = "Max daily loss",
        [nameof(RiskLimits.MaxTotalExposure)] = "Max total exposure",
        [nameof(RiskLimits.MaxExposurePerInstrument)] = "Max exposure per instrument",
        [nameof(RiskLimits.MaxOpenPositions)] = "Max open positions",
        [nameof(RiskLimits.MaxLotsPerOrder)] = "Max lots per order",
        [nameof(RiskLimits.MaxOrdersPerSecond)] = "Max orders per second",
        [nameof(RiskLimits.MaxOrdersPerDay)] = "Max orders per day",
        [nameof(RiskLimits.PriceBandPercent)] = "Price band",
        [nameof(RiskLimits.DuplicateWindowSeconds)] = "Duplicate window",
        [nameof(RiskLimits.AllowAfterMarketOrders)] = "After-market orders",
        [nameof(RiskLimits.SquareOffOnKillSwitch)] = "Square off on kill switch",
    };

    // One save at a time: the store and the kernel must end up holding the same limits.
    private readonly SemaphoreSlim _saving = new(1, 1);

    /// <summary>The limits in force.</summary>
    public RiskLimits Limits => kernel.Core.Risk.Limits;

    /// <summary>What a limit is called on the page and in the audit.</summary>
    public static string Label(string limit) => Labels.TryGetValue(limit, out var label) ? label : limit;

    /// <summary>Why the limits cannot be saved; empty when they can.</summary>
    public static IReadOnlyList<string> Validate(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        foreach (var (name, value) in Numbers(limits))
        {
            if (value < 0)
            {
                problems.Add($"{Label(name)} cannot be negative (0 turns it off).");
            }
        }

        return problems;
    }

    /// <summary>The limits that differ, with their old and new values as the page shows them.</summary>
    public static IReadOnlyList<LimitChange> Compare(RiskLimits before, RiskLimits after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. Describe(before).Zip(Describe(after))
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new LimitChange(pair.First.Name, Label(pair.First.Name), pair.First.Value, pair.Second.Value))];
    }

    /// <summary>
    /// Stores <paramref name="limits"/> and puts them in force.
    /// </summary>
    /// <param name="user">Who asks; only an admin may.</param>
    /// <param name="limits">The new limits.</param>
    /// <param name="basedOn">The limits the admin was looking at; when they are no longer in force, nothing is saved.</param>
    /// <param name="cancellationToken">Stops the waiting.</param>
    public async Task<TradingResult> SaveAsync(ActingUser user, RiskLimits limits, RiskLimits? basedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(limits);
        if (user.Role != UserRoles.Admin)
        {
            await audit.WriteAsync(user.UserName, "risk.limits-refused", $"Role {user.Role} may not change the risk limits", null, cancellationToken);
            return TradingResult.Refused("Only an admin may change the risk limits.");
        }

        var problems = Validate(limits);
        if (problems.Count > 0)
        {
            return TradingResult.Refused(string.Join(" ", problems));
        }

        await _saving.WaitAsync(cancellationToken);
        try
        {
            var current = Limits;
            if (basedOn is not null && basedOn != current)
            {
                return TradingResult.Refused("Someone changed the risk limits while you were editing them. Nothing was saved: look at the limits in force and edit again.");
            }

            var changes = Compare(current, limits);
            if (changes.Count == 0)
            {
                return TradingResult.Refused("Nothing to save: the limits are as they were.");
            }

            await store.SaveLimitsAsync(limits, user.UserName, cancellationToken);
            await kernel.InvokeAsync(core =>
            {
                core.Risk.UpdateLimits(limits);
                return true;
            }, cancellationToken);
            var details = string.Join("; ", changes.Select(c => $"{c.Label}: {c.Before} -> {c.After}"));
            await audit.WriteAsync(user.UserName, "risk.limits", details, null, cancellationToken);
            return TradingResult.Done($"Risk limits saved and in force: {details}.");
        }
        finally
        {
            _saving.Release();
        }
    }

    private static IEnumerable<(string Name, decimal Value)> Numbers(RiskLimits limits) =>
    [
        (nameof(RiskLimits.MaxDailyLoss), limits.MaxDailyLoss),
        (nameof(RiskLimits.MaxTotalExposure), limits.MaxTotalExposure),
        (nameof(RiskLimits.MaxExposurePerInstrument), limits.MaxExposurePerInstrument),
        (nameof(RiskLimits.MaxOpenPositions), limits.MaxOpenPositions),
        (nameof(RiskLimits.MaxLotsPerOrder), limits.MaxLotsPerOrder),
        (nameof(RiskLimits.MaxOrdersPerSecond), limits.MaxOrdersPerSecond),
        (nameof(RiskLimits.MaxOrdersPerDay), limits.MaxOrdersPerDay),
        (nameof(RiskLimits.PriceBandPercent), limits.PriceBandPercent),
        (nameof(RiskLimits.DuplicateWindowSeconds), limits.DuplicateWindowSeconds),
    ];

    private static IEnumerable<(string Name, string Value)> Describe(RiskLimits limits) =>
    [
        (nameof(RiskLimits.MaxDailyLoss), Money(limits.MaxDailyLoss)),
        (nameof(RiskLimits.MaxTotalExposure), Money(limits.MaxTotalExposure)),
        (nameof(RiskLimits.MaxExposurePerInstrument), Money(limits.MaxExposurePerInstrument)),
        (nameof(RiskLimits.MaxOpenPositions), Count(limits.MaxOpenPositions)),
        (nameof(RiskLimits.MaxLotsPerOrder), Count(limits.MaxLotsPerOrder)),
        (nameof(RiskLimits.MaxOrdersPerSecond), Count(limits.MaxOrdersPerSecond)),
        (nameof(RiskLimits.MaxOrdersPerDay), Count(limits.MaxOrdersPerDay)),
        (nameof(RiskLimits.PriceBandPercent), limits.PriceBandPercent == 0 ? "off" : limits.PriceBandPercent.ToString("0.##", CultureInfo.InvariantCulture) + "%"),
        (nameof(RiskLimits.DuplicateWindowSeconds), limits.DuplicateWindowSeconds == 0 ? "off" : limits.DuplicateWindowSeconds.ToString(CultureInfo.InvariantCulture) + " s"),
        (nameof(RiskLimits.AllowAfterMarketOrders), limits.AllowAfterMarketOrders ? "allowed" : "refused"),
        (nameof(RiskLimits.SquareOffOnKillSwitch), limits.SquareOffOnKillSwitch ? "yes" : "no"),
    ];

    private static string Money(decimal rupees) => rupees == 0 ? "off" : "\u20b9" + rupees.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Count(int value) => value == 0 ? "off" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One limit that changes.</summary>
    /// <param name="Name">The <see cref="RiskLimits"/> property.</param>
    /// <param name="Label">What the page calls it.</param>
    /// <param name="Before">The value in force, as shown.</param>
    /// <param name="After">The new value, as shown.</param>
    public sealed record LimitChange(string Name, string Label, string Before, string After);
}
