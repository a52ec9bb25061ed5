using System.Globalization;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Admin;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// Users for admins: create, disable or enable, change role, reset a password or a lost second
/// factor. Each change is confirmed with what it does, and decided by <see cref="UserAdministration"/>
/// on the server, whose refusals (not an admin, yourself, the last admin) are shown as they come.
/// </summary>
public sealed partial class AdminUsers
{
    private IReadOnlyList<UserSummary> _users = [];
    private ActingUser _actor = new("?", string.Empty);
    private string _newUserName = string.Empty;
    private string _newPassword = string.Empty;
    private string _newRole = UserRoles.Trader;
    private string _resetPassword = string.Empty;
    private PendingChange? _pending;

    // A select the person changed keeps its value in the browser even when the role did not change:
    // a new key redraws it from the stored role after a cancelled or refused change.
    private int _roleSelectVersion;
    private bool _loaded;
    private bool _busy;
    private string? _message;
    private bool _messageIsError;

    private enum AdminAction
    {
        ToggleDisabled,
        ChangeRole,
        ResetPassword,
        ResetSecondFactor,
    }

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string ConfirmTitle => _pending switch
    {
        { Action: AdminAction.ToggleDisabled, User.IsDisabled: false } p => $"Disable {p.User.UserName}?",
        { Action: AdminAction.ToggleDisabled } p => $"Enable {p.User.UserName}?",
        { Action: AdminAction.ChangeRole } p => $"Make {p.User.UserName} {Article(p.NewRole!)} {p.NewRole}?",
        { Action: AdminAction.ResetPassword } p => $"Set a new password for {p.User.UserName}?",
        { Action: AdminAction.ResetSecondFactor } p => $"Reset the second factor of {p.User.UserName}?",
        _ => string.Empty,
    };

    private string ConfirmText => _pending?.Action switch
    {
        AdminAction.ToggleDisabled => _pending.User.IsDisabled ? "Enable" : "Disable",
        AdminAction.ChangeRole => "Change role",
        AdminAction.ResetPassword => "Set password",
        AdminAction.ResetSecondFactor => "Reset second factor",
        _ => "Confirm",
    };

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.ActingAsync();
        await ReloadAsync();
    }

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var result = await Administration.CreateAsync(_actor, _newUserName, _newPassword, _newRole, CancellationToken.None);
            Show(result);
            if (result.Succeeded)
            {
                _newUserName = string.Empty;
                _newPassword = string.Empty;
                await ReloadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Ask(AdminAction action, UserSummary user)
    {
        _resetPassword = string.Empty;
        _pending = new PendingChange(action, user, null);
    }

    private void AskRole(UserSummary user, string? role)
    {
        if (role is not null && role != user.Role)
        {
            _pending = new PendingChange(AdminAction.ChangeRole, user, role);
        }
    }

    private async Task ConfirmAsync()
    {
        if (_pending is not { } pending)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = pending.Action switch
            {
                AdminAction.ToggleDisabled => await Administration.SetDisabledAsync(_actor, pending.User.Id, !pending.User.IsDisabled, CancellationToken.None),
                AdminAction.ChangeRole => await Administration.ChangeRoleAsync(_actor, pending.User.Id, pending.NewRole!, CancellationToken.None),
                AdminAction.ResetPassword => await Administration.ResetPasswordAsync(_actor, pending.User.Id, _resetPassword, CancellationToken.None),
                _ => await Administration.ResetSecondFactorAsync(_actor, pending.User.Id, CancellationToken.None),
            };
            Show(result);
            _resetPassword = string.Empty;
            _pending = null;
            _roleSelectVersion++;
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    // A cancelled role change redraws the select with the stored role.
    private async Task Cancel()
    {
        _pending = null;
        _roleSelectVersion++;
        _resetPassword = string.Empty;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _users = await Administration.ListAsync(_actor, CancellationToken.None);
            _loaded = true;
        }
        catch (UnauthorizedAccessException e)
        {
            _users = [];
            _message = e.Message;
            _messageIsError = true;
        }
    }

    private void Show(AccountChangeResult result)
    {
        _message = result.Message;
        _messageIsError = !result.Succeeded;
    }

    private bool IsSelf(UserSummary user) => string.Equals(user.UserName, _actor.UserName, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Consequences(PendingChange pending) => pending.Action switch
    {
        AdminAction.ToggleDisabled when !pending.User.IsDisabled =>
        [
            $"{pending.User.UserName} can no longer sign in; their open pages stop working at their next request.",
            "Their orders, positions and strategies are not touched: the engine keeps managing them.",
        ],
        AdminAction.ToggleDisabled => [$"{pending.User.UserName} can sign in again with their password (and second factor, if they have one)."],
        AdminAction.ChangeRole =>
        [
            $"{pending.User.UserName} becomes {pending.NewRole}: {RoleMeaning(pending.NewRole!)}",
            "Their open sessions end; they sign in again to get the new role.",
        ],
        AdminAction.ResetPassword =>
        [
            "The old password stops working and a lockout is lifted.",
            "Their open sessions end. Give them the new password in private.",
        ],
        _ =>
        [
            "Their authenticator and recovery codes stop working; they sign in with the password alone and may set up a new authenticator.",
            "Their open sessions end.",
        ],
    };

    private static string RoleMeaning(string role) => role switch
    {
        UserRoles.Admin => "manages users, risk limits, API keys and the kill switch, and trades.",
        UserRoles.Trader => "places, modifies and cancels orders and runs strategies.",
        _ => "watches the market, orders and positions; cannot trade.",
    };

    private static string Article(string role) => role == UserRoles.Admin ? "an" : "a";

    private string State(UserSummary user) =>
        user.IsDisabled ? "Disabled"
        : user.LockedOutUntil is { } until && until > Time.GetUtcNow() ? $"Locked until {Ist(until)}"
        : "Active";

    private static string Ist(DateTimeOffset? time) =>
        time is { } t ? IndianMarketTime.ToIst(t).ToString("dd MMM yyyy HH:mm", CultureInfo.InvariantCulture) : "never";

    private sealed record PendingChange(AdminAction Action, UserSummary User, string? NewRole);
}
