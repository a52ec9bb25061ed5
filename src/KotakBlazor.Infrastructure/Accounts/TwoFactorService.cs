using System.Security.Cryptography;
using System.Text;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>
/// The optional authenticator-app second factor (TOTP, RFC 6238: SHA-1, 6 digits, 30 s) of app users.
/// The secret is kept as a Data Protection payload bound to its user and shown only to its owner
/// while enrolling; a code is accepted one step either side of now, and never twice (the last
/// accepted step is stored). Ten single-use recovery codes, kept as hashes, stand in for a lost
/// phone; they still work if the data-protection keys are lost. Wrong codes count towards the
/// same lockout as wrong passwords.
/// </summary>
public sealed partial class TwoFactorService(
    IDbContextFactory<KotakDbContext> contextFactory,
    IDataProtectionProvider protection,
    IOptions<AccountOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<TwoFactorService> logger)
{
    /// <summary>The name authenticator apps show above the code.</summary>
    public const string Issuer = "KotakBlazor";

    /// <summary>How many recovery codes a user gets.</summary>
    public const int RecoveryCodeCount = 10;

    private const string SecretPurpose = "KotakBlazor.Accounts.TwoFactorSecret.v1";
    private const int SecretBytes = 20;

    /// <summary>Where the user's second factor stands.</summary>
    public async Task<TwoFactorStatus> GetStatusAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var factor = await db.Set<UserTwoFactorRecord>().AsNoTracking().SingleOrDefaultAsync(f => f.UserId == userId, cancellationToken);
        if (factor is null)
        {
            return TwoFactorStatus.None;
        }

        var left = await db.Set<UserRecoveryCodeRecord>().CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);
        return new TwoFactorStatus(factor.EnabledAt is not null, factor.EnabledAt is null, factor.EnabledAt, left);
    }

    /// <summary>Whether sign-in asks this user for a code.</summary>
    public async Task<bool> IsEnabledAsync(int userId, CancellationToken cancellationToken) => (await GetStatusAsync(userId, cancellationToken)).Enabled;

    /// <summary>Makes a new secret for the user to add to their app (replacing one not yet confirmed).</summary>
    /// <exception cref="InvalidOperationException">The second factor is on already: turn it off first.</exception>
    public async Task<TwoFactorEnrollment> StartEnrollmentAsync(int userId, CancellationToken cancellationToken)
    {
        var secret = Base32.Encode(RandomNumberGenerator.GetBytes(SecretBytes));
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
                ?? throw new InvalidOperationException("There is no such user.");
            var factor = await db.Set<UserTwoFactorRecord>().SingleOrDefaultAsync(f => f.UserId == userId, cancellationToken);
            if (factor?.EnabledAt is not null)
            {
                throw new InvalidOperationException("The authenticator is already on. Turn it off first to move it to another phone.");
            }

            if (factor is null)
            {
                factor = new UserTwoFactorRecord { UserId = userId, ProtectedSecret = string.Empty };
                db.Set<UserTwoFactorRecord>().Add(factor);
            }

            factor.ProtectedSecret = Protector(userId).Protect(secret);
            factor.StartedAt = time.GetUtcNow();
            factor.LastUsedStep = 0;
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(user.UserName, "two-factor.enrollment-started", "A new authenticator secret was shown.", null, cancellationToken);
            return Enrollment(user.UserName, secret);
        }
    }

    /// <summary>The secret being enrolled (to show it again after a mistyped code), or null when none is pending.</summary>
    public async Task<TwoFactorEnrollment?> PendingEnrollmentAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var factor = await db.Set<UserTwoFactorRecord>().AsNoTracking().SingleOrDefaultAsync(f => f.UserId == userId && f.EnabledAt == null, cancellationToken);
        var secret = factor is null ? null : TryUnprotect(userId, factor.ProtectedSecret);
        return user is null || secret is null ? null : Enrollment(user.UserName, secret);
    }

    /// <summary>
    /// Turns the second factor on when <paramref name="code"/> is the app's current code for the
    /// pending secret. Returns the recovery codes (shown once), or null for a wrong code.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ConfirmEnrollmentAsync(int userId, string code, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var factor = await db.Set<UserTwoFactorRecord>().SingleOrDefaultAsync(f => f.UserId == userId && f.EnabledAt == null, cancellationToken);
        var secret = factor is null ? null : TryUnprotect(userId, factor.ProtectedSecret);
        if (user is null || factor is null || secret is null || MatchStep(secret, code) is not { } step)
        {
            if (user is not null)
            {
                await audit.WriteAsync(user.UserName, "two-factor.confirm-failed", "The code did not match the new authenticator.", null, cancellationToken);
            }

            return null;
        }

        factor.EnabledAt = time.GetUtcNow();
        factor.LastUsedStep = step;
        var codes = ReplaceRecoveryCodes(db, userId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(user.UserName, "two-factor.enabled", "Authenticator confirmed; sign-in now asks for a code.", null, cancellationToken);
        LogEnabled(user.UserName);
        return codes;
    }

    /// <summary>Turns the user's own second factor off, proven with a current code or a recovery code. False for a wrong code.</summary>
    public async Task<bool> DisableAsync(int userId, string code, CancellationToken cancellationToken)
    {
        var userName = await ProveAsync(userId, code, cancellationToken);
        if (userName is null)
        {
            return false;
        }

        await RemoveAsync(userId, renewStamp: false, cancellationToken);
        await audit.WriteAsync(userName, "two-factor.disabled", "Turned off by the user; sign-in asks for the password only.", null, cancellationToken);
        return true;
    }

    /// <summary>New recovery codes (the old ones stop working), proven with a current code. Null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> RegenerateRecoveryCodesAsync(int userId, string code, CancellationToken cancellationToken)
    {
        var userName = await ProveAsync(userId, code, cancellationToken);
        if (userName is null)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var codes = ReplaceRecoveryCodes(db, userId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(userName, "two-factor.recovery-codes-renewed", "New recovery codes; the old ones no longer work.", null, cancellationToken);
        return codes;
    }

    /// <summary>
    /// An admin's reset for a user who lost their phone: the authenticator and recovery codes are
    /// removed and the user's open sessions end; they sign in with the password and may enroll again.
    /// </summary>
    public async Task<AccountChangeResult> ResetAsync(int userId, string resetBy, CancellationToken cancellationToken)
    {
        string? userName;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        }

        if (userName is null)
        {
            return AccountChangeResult.Refused("There is no such user (any more).");
        }

        if (!await RemoveAsync(userId, renewStamp: true, cancellationToken))
        {
            return AccountChangeResult.Refused($"'{userName}' has no second factor to reset.");
        }

        var details = $"Reset the second factor of '{userName}': they sign in with the password and may enroll again.";
        await audit.WriteAsync(resetBy, "two-factor.reset", details, null, cancellationToken);
        LogReset(resetBy, userName);
        return AccountChangeResult.Done(details);
    }

    private async Task<bool> RemoveAsync(int userId, bool renewStamp, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Set<UserTwoFactorRecord>().Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<UserRecoveryCodeRecord>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (renewStamp && removed > 0)
        {
            var stamp = UserAccountService.NewSecurityStamp();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    private TwoFactorEnrollment Enrollment(string userName, string secret)
    {
        var label = Uri.EscapeDataString(Issuer) + ":" + Uri.EscapeDataString(userName);
        var uri = $"otpauth://totp/{label}?secret={secret.TrimEnd('=')}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        return new TwoFactorEnrollment(secret.TrimEnd('='), uri);
    }

    private IDataProtector Protector(int userId) =>
        protection.CreateProtector(SecretPurpose, userId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string? TryUnprotect(int userId, string payload)
    {
        try
        {
            return Protector(userId).Unprotect(payload);
        }
        catch (CryptographicException)
        {
            LogUnreadableSecret(userId);
            return null;
        }
    }

    private List<string> ReplaceRecoveryCodes(KotakDbContext db, int userId)
    {
        db.Set<UserRecoveryCodeRecord>().RemoveRange(db.Set<UserRecoveryCodeRecord>().Where(c => c.UserId == userId));
        var now = time.GetUtcNow();
        var codes = new List<string>(RecoveryCodeCount);
        for (var i = 0; i < RecoveryCodeCount; i++)
        {
            var code = Base32.Encode(RandomNumberGenerator.GetBytes(10));
            var readable = string.Join('-', code.Chunk(4).Select(c => new string(c)));
            codes.Add(readable);
            db.Set<UserRecoveryCodeRecord>().Add(new UserRecoveryCodeRecord { UserId = userId, CodeHash = HashRecoveryCode(readable)!, CreatedAt = now });
        }

        return codes;
    }

    /// <summary>The SHA-256 of a recovery code as typed (dashes, spaces and case ignored); null when it cannot be one.</summary>
    internal static string? HashRecoveryCode(string code)
    {
        var normalized = new string([.. code.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)]);
        return normalized.Length == 16 ? Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalized))) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Second factor turned on for {UserName}")]
    private partial void LogEnabled(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Admin} reset the second factor of {UserName}")]
    private partial void LogReset(string admin, string userName);

    [LoggerMessage(Level = LogLevel.Error, Message = "The authenticator secret of user {UserId} cannot be decrypted: the data-protection keys changed or were lost; the user can sign in with a recovery code, or an admin resets the second factor")]
    private partial void LogUnreadableSecret(int userId);
}
