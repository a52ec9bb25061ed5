namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user or wrong password; deliberately not told apart to the person.</summary>
    InvalidCredentials,

    LockedOut,

    Disabled,
}
