namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user or wrong password; deliberately not told apart to the person.</summary>
    InvalidCredentials,

    LockedOut,

    Disabled,

    /// <summary>The password was right and the user has a second factor: not signed in until a code is right too.</summary>
    SecondFactorRequired,

    /// <summary>A wrong, expired or already used authenticator or recovery code.</summary>
    InvalidCode,
}
