using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Checking codes: the second step of a sign-in, and proof for the owner's own changes.</summary>
public sealed partial class TwoFactorService
{
    /// <summary>
    /// The second step of a sign-in whose password was right (<see cref="SignInOutcome.SecondFactorRequired"/>):
    /// an authenticator code or an unused recovery code. The security stamp must still be the one
    /// the password step saw, so a password reset or second-factor reset in between voids it.
    /// </summary>
    public async Task<SignInResult> VerifySignInAsync(int userId, string securityStamp, string code, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal))
        {
            return new SignInResult(SignInOutcome.InvalidCredentials);
        }

        if (user.IsDisabled)
        {
            await audit.WriteAsync(user.UserName, "auth.sign-in.refused", "The account is disabled.", remoteAddress, cancellationToken);
            return new SignInResult(SignInOutcome.Disabled);
        }

        if (user.LockedOutUntil is { } until && until > now)
        {
            await audit.WriteAsync(user.UserName, "auth.sign-in.refused", $"Locked out until {until:O}.", remoteAddress, cancellationToken);
            return new SignInResult(SignInOutcome.LockedOut, LockedOutUntil: until);
        }

        var (how, failure) = await CheckCodeAsync(db, user, code, now, cancellationToken);
        if (how is null)
        {
            var lockedNow = SignInLockout.CountFailure(user, options.Value, now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(user.UserName, "auth.second-factor.failed", failure, remoteAddress, cancellationToken);
            if (lockedNow)
            {
                await audit.WriteAsync(user.UserName, "auth.locked-out", $"Locked out until {user.LockedOutUntil:O} after {options.Value.MaxFailedSignIns} failed sign-ins.", remoteAddress, cancellationToken);
                return new SignInResult(SignInOutcome.LockedOut, LockedOutUntil: user.LockedOutUntil);
            }

            return new SignInResult(SignInOutcome.InvalidCode);
        }

        user.FailedSignInCount = 0;
        user.LockedOutUntil = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(user.UserName, "auth.sign-in", $"Signed in with the password and {how}.", remoteAddress, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, UserAccountService.ToSignedIn(user) with { UsedSecondFactor = true });
    }

    /// <summary>The user's name when <paramref name="code"/> proves they hold the second factor; null (counted as a failure) when not.</summary>
    private async Task<string?> ProveAsync(int userId, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var (how, failure) = await CheckCodeAsync(db, user, code, now, cancellationToken);
        if (how is null)
        {
            SignInLockout.CountFailure(user, options.Value, now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(user.UserName, "two-factor.proof-failed", failure, null, cancellationToken);
            return null;
        }

        return user.UserName;
    }

    /// <returns>How the user proved it ("an authenticator code", "a recovery code"), or null and why not.</returns>
    private async Task<(string? How, string Failure)> CheckCodeAsync(KotakDbContext db, UserAccount user, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        code = (code ?? string.Empty).Trim();
        var factor = await db.Set<UserTwoFactorRecord>().AsNoTracking().SingleOrDefaultAsync(f => f.UserId == user.Id && f.EnabledAt != null, cancellationToken);
        if (factor is null)
        {
            return (null, "The user has no second factor.");
        }

        if (LooksLikeAuthenticatorCode(code))
        {
            var secret = TryUnprotect(user.Id, factor.ProtectedSecret);
            if (secret is null || MatchStep(secret, code, now) is not { } step)
            {
                return (null, "Wrong authenticator code.");
            }

            // Compare-and-set in one statement: the same code submitted twice at once is accepted once.
            var claimed = await db.Set<UserTwoFactorRecord>()
                .Where(f => f.UserId == user.Id && f.LastUsedStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastUsedStep, step), cancellationToken);
            return claimed == 1 ? ("an authenticator code", string.Empty) : (null, "The authenticator code was already used; wait for the next one.");
        }

        if (HashRecoveryCode(code) is { } hash)
        {
            var used = await db.Set<UserRecoveryCodeRecord>()
                .Where(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
            return used == 1 ? ("a recovery code", string.Empty) : (null, "Wrong or used recovery code.");
        }

        return (null, "Not an authenticator code (6 digits) or a recovery code.");
    }

    private long? MatchStep(string secret, string code) => MatchStep(secret, (code ?? string.Empty).Trim(), time.GetUtcNow());

    /// <summary>The time step whose code <paramref name="code"/> is, allowing one step of clock difference either way; null when it matches none.</summary>
    internal static long? MatchStep(string secret, string code, DateTimeOffset now)
    {
        code = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!LooksLikeAuthenticatorCode(code))
        {
            return null;
        }

        var totp = Totp.FromBase32(secret);
        if (!totp.Verify(code, now, driftSteps: 1))
        {
            return null;
        }

        var current = (now - DateTimeOffset.UnixEpoch).Ticks / totp.Step.Ticks;
        for (var drift = -1; drift <= 1; drift++)
        {
            if (totp.Verify(code, now + (totp.Step * drift), driftSteps: 0))
            {
                return current + drift;
            }
        }

        return null;
    }

    private static bool LooksLikeAuthenticatorCode(string code)
    {
        var digits = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit);
    }
}
