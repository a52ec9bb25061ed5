namespace KotakBlazor.Web.Admin;

/// <summary>A kind of audit entry the viewer filters on: the action names it covers start with one of <paramref name="Prefixes"/>.</summary>
public sealed record AuditKind(string Key, string Label, IReadOnlyList<string> Prefixes)
{
    /// <summary>Every kind, in the order the filter lists them.</summary>
    public static IReadOnlyList<AuditKind> All { get; } =
    [
        new("sign-in", "Sign-ins and sign-outs", ["auth."]),
        new("two-factor", "Second factor", ["two-factor."]),
        new("users", "Users", ["user."]),
        new("kill-switch", "Kill switch", ["kill-switch."]),
        new("risk", "Risk limits", ["risk."]),
        new("broker", "Broker settings", ["broker."]),
        new("orders", "Orders and manual trades", ["order.", "manual-trade."]),
        new("strategies", "Strategies and sessions", ["strategy.", "session."]),
        new("api-keys", "API keys", ["api-key."]),
    ];

    /// <summary>The kind with this key, or null (all kinds).</summary>
    public static AuditKind? Find(string? key) => All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));
}
