using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>
/// What an admin changes about users. Who may ask is the caller's check (Web/Admin); what must
/// always hold is checked here: at least one enabled admin remains. Every change that should end
/// a user's open sessions (role, password, disabling) renews their security stamp.
/// </summary>
public sealed partial class UserAccountService
{
    // One admin change at a time: two admins demoting each other at once must not leave none.
    private readonly SemaphoreSlim _administration = new(1, 1);

    /// <summary>Every user, by name.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var factors = db.Set<UserTwoFactorRecord>();
        var users = await db.Users.AsNoTracking()
            .Select(u => new UserSummary(u.Id, u.UserName, u.Role, u.IsDisabled, u.LockedOutUntil, u.CreatedAt, u.LastSignInAt,
                factors.Any(f => f.UserId == u.Id && f.EnabledAt != null)))
            .ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One user by id, or null.</summary>
    public async Task<UserSummary?> FindAsync(int userId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(u => u.Id == userId);

    /// <summary>One user by name (any case), or null.</summary>
    public async Task<UserSummary?> FindByNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = Normalize(userName ?? string.Empty);
        return (await ListAsync(cancellationToken)).SingleOrDefault(u => Normalize(u.UserName) == normalized);
    }

    /// <summary>Disables (or enables) a user. A disabled user cannot sign in and loses open sessions at their next request.</summary>
    public Task<AccountChangeResult> SetDisabledAsync(int userId, bool disabled, string changedBy, CancellationToken cancellationToken) =>
        ChangeAsync(userId, changedBy, cancellationToken,
            user => user.IsDisabled == disabled ? (AccountChangeResult.Refused($"'{user.UserName}' is already {(disabled ? "disabled" : "enabled")}."), null)
                : disabled && user.Role == UserRoles.Admin ? (null, "disabling")
                : (null, null),
            user =>
            {
                user.IsDisabled = disabled;
                if (!disabled)
                {
                    user.FailedSignInCount = 0;
                    user.LockedOutUntil = null;
                }
            },
            user => disabled
                ? ("user.disabled", $"Disabled user '{user.UserName}': they cannot sign in and their open sessions end.")
                : ("user.enabled", $"Enabled user '{user.UserName}': they can sign in again."));

    /// <summary>Gives a user another role; their open sessions end so the new role applies at once.</summary>
    public Task<AccountChangeResult> ChangeRoleAsync(int userId, string role, string changedBy, CancellationToken cancellationToken)
    {
        string? previous = null;
        return ChangeAsync(userId, changedBy, cancellationToken, user =>
        {
            if (!UserRoles.IsKnown(role))
            {
                return (AccountChangeResult.Refused($"Unknown role '{role}'. Roles: {string.Join(", ", UserRoles.All)}."), null);
            }

            if (user.Role == role)
            {
                return (AccountChangeResult.Refused($"'{user.UserName}' is already {role}."), null);
            }

            if (user.Role == UserRoles.Admin && !user.IsDisabled)
            {
                return (null, "demoting");
            }

            return (null, null);
        },
        user =>
        {
            previous = user.Role;
            user.Role = role;
        },
        user => ("user.role-changed", $"Changed the role of '{user.UserName}' from {previous} to {role}."));
    }

    /// <summary>Sets a new password chosen by an admin, lifts a lockout and ends the user's open sessions.</summary>
    public Task<AccountChangeResult> ResetPasswordAsync(int userId, string newPassword, string changedBy, CancellationToken cancellationToken) =>
        ChangeAsync(userId, changedBy, cancellationToken, _ =>
            string.IsNullOrEmpty(newPassword) || newPassword.Length < options.Value.MinimumPasswordLength
                ? (AccountChangeResult.Refused($"A password needs at least {options.Value.MinimumPasswordLength} characters."), null)
                : (null, null),
        user =>
        {
            user.PasswordHash = _hasher.HashPassword(user, newPassword);
            user.FailedSignInCount = 0;
            user.LockedOutUntil = null;
        },
        user => ("user.password-reset", $"Reset the password of '{user.UserName}'."));

    /// <param name="check">Returns a refusal, or a verb ("demoting") when the change takes an admin away and the last-admin rule must decide, or neither.</param>
    /// <param name="apply">Makes the change on the tracked row.</param>
    /// <param name="describe">The audit action and details, after the change.</param>
    private async Task<AccountChangeResult> ChangeAsync(
        int userId,
        string changedBy,
        CancellationToken cancellationToken,
        Func<UserAccount, (AccountChangeResult? Refusal, string? RemovesAdmin)> check,
        Action<UserAccount> apply,
        Func<UserAccount, (string Action, string Details)> describe)
    {
        await _administration.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                return AccountChangeResult.Refused("There is no such user (any more).");
            }

            var (refusal, removesAdmin) = check(user);
            if (refusal is not null)
            {
                return refusal;
            }

            if (removesAdmin is not null
                && !await db.Users.AnyAsync(u => u.Id != userId && u.Role == UserRoles.Admin && !u.IsDisabled, cancellationToken))
            {
                return AccountChangeResult.Refused($"'{user.UserName}' is the last active admin: make another user an admin before {removesAdmin} them.");
            }

            apply(user);
            user.SecurityStamp = NewSecurityStamp();
            await db.SaveChangesAsync(cancellationToken);
            var (action, details) = describe(user);
            await audit.WriteAsync(changedBy, action, details, null, cancellationToken);
            logger.LogInformation("{Actor}: {Details}", changedBy, details);
            return AccountChangeResult.Done(details);
        }
        finally
        {
            _administration.Release();
        }
    }
}
