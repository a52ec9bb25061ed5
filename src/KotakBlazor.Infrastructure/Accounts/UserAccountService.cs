using System.Security.Cryptography;
using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Users: creation, password checks and lockout (administration in the other part).</summary>
public sealed partial class UserAccountService(
    IDbContextFactory<KotakDbContext> contextFactory,
    IOptions<AccountOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<UserAccountService> logger)
{
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public async Task<bool> AnyUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Creates a user. Throws <see cref="ArgumentException"/> with a message for people when the input is not acceptable.</summary>
    public async Task<SignedInUser> CreateAsync(string userName, string password, string role, string createdBy, CancellationToken cancellationToken)
    {
        userName = (userName ?? string.Empty).Trim();
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException("A user name is 3 to 64 letters, digits, dots, dashes or underscores.", nameof(userName));
        }

        if (string.IsNullOrEmpty(password) || password.Length < options.Value.MinimumPasswordLength)
        {
            throw new ArgumentException($"A password needs at least {options.Value.MinimumPasswordLength} characters.", nameof(password));
        }

        if (!UserRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", UserRoles.All)}.", nameof(role));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            throw new ArgumentException($"The user name '{userName}' is taken.", nameof(userName));
        }

        var user = new UserAccount
        {
            UserName = userName,
            NormalizedUserName = normalized,
            PasswordHash = string.Empty,
            Role = role,
            SecurityStamp = NewSecurityStamp(),
            CreatedAt = time.GetUtcNow(),
        };
        user.PasswordHash = _hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(createdBy, "user.created", $"Created user '{userName}' with role {role}.", null, cancellationToken);
        return ToSignedIn(user);
    }

    /// <summary>
    /// Checks a user name and password, counting failures and locking the account after too many.
    /// For a user with a second factor, a right password gives <see cref="SignInOutcome.SecondFactorRequired"/>
    /// (not a sign-in): <see cref="TwoFactorService.VerifySignInAsync"/> finishes it.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var normalized = Normalize(userName ?? string.Empty);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            // Hash anyway so an unknown user takes as long as a wrong password.
            _hasher.VerifyHashedPassword(new UserAccount { UserName = "", NormalizedUserName = "", PasswordHash = "", Role = "", SecurityStamp = "" }, DummyHash, password ?? string.Empty);
            await audit.WriteAsync(userName ?? string.Empty, "auth.sign-in.failed", "Unknown user name.", remoteAddress, cancellationToken);
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

        var verdict = _hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? string.Empty);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var lockedNow = SignInLockout.CountFailure(user, options.Value, now);
            await db.SaveChangesAsync(cancellationToken);
            if (lockedNow)
            {
                logger.LogWarning("User {UserName} locked out until {LockedOutUntil} after {Max} failed sign-ins", user.UserName, user.LockedOutUntil, options.Value.MaxFailedSignIns);
                await audit.WriteAsync(user.UserName, "auth.locked-out", $"Locked out until {user.LockedOutUntil:O} after {options.Value.MaxFailedSignIns} failed sign-ins.", remoteAddress, cancellationToken);
                return new SignInResult(SignInOutcome.LockedOut, LockedOutUntil: user.LockedOutUntil);
            }

            await audit.WriteAsync(user.UserName, "auth.sign-in.failed", "Wrong password.", remoteAddress, cancellationToken);
            return new SignInResult(SignInOutcome.InvalidCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = _hasher.HashPassword(user, password!);
        }

        if (await db.Set<UserTwoFactorRecord>().AnyAsync(f => f.UserId == user.Id && f.EnabledAt != null, cancellationToken))
        {
            // Half way: failures are not forgiven until the code is right too, or a password
            // holder could try codes for ever between password entries.
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(user.UserName, "auth.password-accepted", "Password accepted; waiting for the authenticator code.", remoteAddress, cancellationToken);
            return new SignInResult(SignInOutcome.SecondFactorRequired, ToSignedIn(user));
        }

        user.FailedSignInCount = 0;
        user.LockedOutUntil = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(user.UserName, "auth.sign-in", "Signed in.", remoteAddress, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, ToSignedIn(user));
    }

    /// <summary>Whether a cookie's user still exists, is enabled, and has the same security stamp.</summary>
    public async Task<bool> IsSessionValidAsync(int userId, string securityStamp, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled && u.SecurityStamp == securityStamp, cancellationToken);
    }

    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(
        new UserAccount { UserName = "", NormalizedUserName = "", PasswordHash = "", Role = "", SecurityStamp = "" }, "not-a-real-password");

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    internal static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    internal static SignedInUser ToSignedIn(UserAccount user) => new(user.Id, user.UserName, user.Role, user.SecurityStamp);
}
