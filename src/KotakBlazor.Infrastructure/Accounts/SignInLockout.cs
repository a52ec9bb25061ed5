using KotakBlazor.Infrastructure.Persistence.Entities;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>One rule for wrong passwords and wrong second-factor codes alike: too many in a row lock the account for a while.</summary>
internal static class SignInLockout
{
    /// <summary>Counts a failure; returns true when it locked the account (the count starts again after the lockout).</summary>
    public static bool CountFailure(UserAccount user, AccountOptions options, DateTimeOffset now)
    {
        user.FailedSignInCount++;
        if (user.FailedSignInCount < options.MaxFailedSignIns)
        {
            return false;
        }

        user.LockedOutUntil = now + options.LockoutDuration;
        user.FailedSignInCount = 0;
        return true;
    }
}
