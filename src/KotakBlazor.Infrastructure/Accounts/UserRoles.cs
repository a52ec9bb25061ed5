namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>The roles a user can have. Checked on the server for every privileged action.</summary>
public static class UserRoles
{
    /// <summary>Everything a trader can do, plus users, risk limits, API keys and the kill switch.</summary>
    public const string Admin = "Admin";

    /// <summary>Watches the market and places orders.</summary>
    public const string Trader = "Trader";

    /// <summary>Watches; cannot place orders.</summary>
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Trader, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
