namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Sign-in rules. Configuration section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted for new users.</summary>
    public int MinimumPasswordLength { get; set; } = 10;
}
