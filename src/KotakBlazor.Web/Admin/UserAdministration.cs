using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Admin;

/// <summary>
/// What the users page asks for, with the checks that make it safe whatever a page shows: the caller
/// must be an enabled admin in the database right now (a demoted admin's stale circuit is refused),
/// an admin never disables or re-roles themself, and the last enabled admin stays (checked by
/// <see cref="UserAccountService"/>). Every change and every refusal goes to the audit log.
/// </summary>
public sealed class UserAdministration(UserAccountService users, TwoFactorService twoFactor, AuditLog audit)
{
    /// <summary>What a refused caller is told.</summary>
    public const string AdminsOnly = "Only an admin can manage users.";

    /// <summary>Every user.</summary>
    /// <exception cref="UnauthorizedAccessException">The caller is not an enabled admin.</exception>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(ActingUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RefuseUnlessAdminAsync(actor, "list users", cancellationToken) is { } refusal)
        {
            throw new UnauthorizedAccessException(refusal.Message);
        }

        return await users.ListAsync(cancellationToken);
    }

    /// <summary>Creates a user with a first password the admin passes on to them.</summary>
    public async Task<AccountChangeResult> CreateAsync(ActingUser actor, string userName, string password, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RefuseUnlessAdminAsync(actor, "create a user", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        try
        {
            var created = await users.CreateAsync(userName, password, role, actor.UserName, cancellationToken);
            return AccountChangeResult.Done($"Created user '{created.UserName}' with role {created.Role}.");
        }
        catch (ArgumentException e)
        {
            return AccountChangeResult.Refused(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>Disables or enables a user (never the caller).</summary>
    public Task<AccountChangeResult> SetDisabledAsync(ActingUser actor, int userId, bool disabled, CancellationToken cancellationToken) =>
        OnOtherUserAsync(actor, userId, disabled ? "disable" : "enable", notSelf: true, cancellationToken,
            () => users.SetDisabledAsync(userId, disabled, actor.UserName, cancellationToken));

    /// <summary>Gives a user another role (never the caller).</summary>
    public Task<AccountChangeResult> ChangeRoleAsync(ActingUser actor, int userId, string role, CancellationToken cancellationToken) =>
        OnOtherUserAsync(actor, userId, "change the role of", notSelf: true, cancellationToken,
            () => users.ChangeRoleAsync(userId, role, actor.UserName, cancellationToken));

    /// <summary>Sets a new password for a user who forgot theirs.</summary>
    public Task<AccountChangeResult> ResetPasswordAsync(ActingUser actor, int userId, string newPassword, CancellationToken cancellationToken) =>
        OnOtherUserAsync(actor, userId, "reset the password of", notSelf: false, cancellationToken,
            () => users.ResetPasswordAsync(userId, newPassword, actor.UserName, cancellationToken));

    /// <summary>Removes a user's authenticator and recovery codes (a lost phone).</summary>
    public Task<AccountChangeResult> ResetSecondFactorAsync(ActingUser actor, int userId, CancellationToken cancellationToken) =>
        OnOtherUserAsync(actor, userId, "reset the second factor of", notSelf: false, cancellationToken,
            () => twoFactor.ResetAsync(userId, actor.UserName, cancellationToken));

    private async Task<AccountChangeResult> OnOtherUserAsync(
        ActingUser actor, int userId, string what, bool notSelf, CancellationToken cancellationToken, Func<Task<AccountChangeResult>> change)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await RefuseUnlessAdminAsync(actor, what + " a user", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var target = await users.FindAsync(userId, cancellationToken);
        if (target is null)
        {
            return AccountChangeResult.Refused("There is no such user (any more).");
        }

        if (notSelf && string.Equals(target.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            // Locking oneself out by a slip of the mouse is too easy; another admin can do it.
            await audit.WriteAsync(actor.UserName, "user.change-refused", $"Tried to {what} themself.", null, cancellationToken);
            return AccountChangeResult.Refused($"You cannot {what} yourself; ask another admin.");
        }

        return await change();
    }

    private async Task<AccountChangeResult?> RefuseUnlessAdminAsync(ActingUser actor, string what, CancellationToken cancellationToken)
    {
        if (actor.Role == UserRoles.Admin
            && await users.FindByNameAsync(actor.UserName, cancellationToken) is { Role: UserRoles.Admin, IsDisabled: false })
        {
            return null;
        }

        await audit.WriteAsync(actor.UserName, "user.change-refused", $"Role {actor.Role} may not {what}.", null, cancellationToken);
        return AccountChangeResult.Refused(AdminsOnly);
    }
}
