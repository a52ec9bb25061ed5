namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>The result of a sign-in attempt, with the signed-in user when it succeeded.</summary>
public sealed record SignInResult(SignInOutcome Outcome, SignedInUser? User = null, DateTimeOffset? LockedOutUntil = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}
