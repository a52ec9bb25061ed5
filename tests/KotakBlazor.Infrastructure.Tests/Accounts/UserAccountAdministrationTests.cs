using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Accounts;

/// <summary>What must hold whoever asks: one enabled admin always remains; changes end the user's sessions and are audited.</summary>
public sealed class UserAccountAdministrationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TestDatabase _db = null!;
    private SignedInUser _admin = null!;
    private SignedInUser _trader = null!;

    private UserAccountService Users => _db.Users;

    public async Task InitializeAsync()
    {
        _db = await new TestDatabase(accountOptions: new AccountOptions { MaxFailedSignIns = 2 }).InitializedAsync();
        _admin = await Users.CreateAsync("admin", "admin-password-1", UserRoles.Admin, "system", None);
        _trader = await Users.CreateAsync("trader1", "trader-password-1", UserRoles.Trader, "admin", None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_last_active_admin_can_be_neither_disabled_nor_demoted()
    {
        var disable = await Users.SetDisabledAsync(_admin.Id, true, "admin", None);
        var demote = await Users.ChangeRoleAsync(_admin.Id, UserRoles.Trader, "admin", None);

        Assert.False(disable.Succeeded);
        Assert.Equal("'admin' is the last active admin: make another user an admin before disabling them.", disable.Message);
        Assert.False(demote.Succeeded);
        Assert.Equal("'admin' is the last active admin: make another user an admin before demoting them.", demote.Message);
        var admin = (await Users.FindAsync(_admin.Id, None))!;
        Assert.Equal((UserRoles.Admin, false), (admin.Role, admin.IsDisabled));
        Assert.True(await Users.IsSessionValidAsync(_admin.Id, _admin.SecurityStamp, None));
    }

    [Fact]
    public async Task With_a_second_admin_the_first_can_be_demoted_but_a_disabled_admin_does_not_count()
    {
        Assert.True((await Users.ChangeRoleAsync(_trader.Id, UserRoles.Admin, "admin", None)).Succeeded);
        Assert.True((await Users.SetDisabledAsync(_trader.Id, true, "admin", None)).Succeeded);
        Assert.False((await Users.ChangeRoleAsync(_admin.Id, UserRoles.Viewer, "admin", None)).Succeeded);

        Assert.True((await Users.SetDisabledAsync(_trader.Id, false, "admin", None)).Succeeded);
        var demoted = await Users.ChangeRoleAsync(_admin.Id, UserRoles.Viewer, "trader1", None);

        Assert.True(demoted.Succeeded, demoted.Message);
        Assert.Equal("Changed the role of 'admin' from Admin to Viewer.", demoted.Message);
        Assert.Equal(UserRoles.Viewer, (await Users.FindByNameAsync("ADMIN", None))!.Role);
    }

    [Fact]
    public async Task A_role_change_ends_the_users_open_sessions_and_is_audited()
    {
        var result = await Users.ChangeRoleAsync(_trader.Id, UserRoles.Viewer, "admin", None);

        Assert.True(result.Succeeded);
        Assert.False(await Users.IsSessionValidAsync(_trader.Id, _trader.SecurityStamp, None));
        var signIn = await Users.SignInAsync("trader1", "trader-password-1", null, None);
        Assert.Equal(UserRoles.Viewer, signIn.User!.Role);
        Assert.Contains(await _db.Audit.RecentAsync(5, None), a => a.Actor == "admin" && a.Action == "user.role-changed" && a.Details == "Changed the role of 'trader1' from Trader to Viewer.");
        Assert.False((await Users.ChangeRoleAsync(_trader.Id, "Owner", "admin", None)).Succeeded);
        Assert.False((await Users.ChangeRoleAsync(_trader.Id, UserRoles.Viewer, "admin", None)).Succeeded);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_an_enabled_one_can_again()
    {
        Assert.True((await Users.SetDisabledAsync(_trader.Id, true, "admin", None)).Succeeded);
        Assert.Equal(SignInOutcome.Disabled, (await Users.SignInAsync("trader1", "trader-password-1", null, None)).Outcome);
        Assert.False(await Users.IsSessionValidAsync(_trader.Id, _trader.SecurityStamp, None));
        Assert.False((await Users.SetDisabledAsync(_trader.Id, true, "admin", None)).Succeeded);

        Assert.True((await Users.SetDisabledAsync(_trader.Id, false, "admin", None)).Succeeded);

        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("trader1", "trader-password-1", null, None)).Outcome);
        var audit = await _db.Audit.RecentAsync(10, None);
        Assert.Contains(audit, a => a.Action == "user.disabled" && a.Actor == "admin");
        Assert.Contains(audit, a => a.Action == "user.enabled" && a.Actor == "admin");
    }

    [Fact]
    public async Task A_password_reset_replaces_the_password_lifts_a_lockout_and_ends_sessions()
    {
        await Users.SignInAsync("trader1", "wrong-1", null, None);
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("trader1", "wrong-2", null, None)).Outcome);

        Assert.False((await Users.ResetPasswordAsync(_trader.Id, "short", "admin", None)).Succeeded);
        var reset = await Users.ResetPasswordAsync(_trader.Id, "brand-new-password", "admin", None);

        Assert.True(reset.Succeeded);
        Assert.Equal(SignInOutcome.InvalidCredentials, (await Users.SignInAsync("trader1", "trader-password-1", null, None)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("trader1", "brand-new-password", null, None)).Outcome);
        Assert.False(await Users.IsSessionValidAsync(_trader.Id, _trader.SecurityStamp, None));
        var audit = await _db.Audit.RecentAsync(10, None);
        Assert.Contains(audit, a => a.Action == "user.password-reset" && a.Details == "Reset the password of 'trader1'.");
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains("brand-new-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_every_user_by_name_with_role_state_and_second_factor()
    {
        await Users.CreateAsync("Bharat", "bharat-password", UserRoles.Viewer, "admin", None);
        Assert.True((await Users.SetDisabledAsync(_trader.Id, true, "admin", None)).Succeeded);

        var list = await Users.ListAsync(None);

        Assert.Equal(["admin", "Bharat", "trader1"], list.Select(u => u.UserName));
        Assert.Equal([false, false, true], list.Select(u => u.IsDisabled));
        Assert.All(list, u => Assert.False(u.HasSecondFactor));
        Assert.Null(await Users.FindAsync(999, None));
        Assert.False((await Users.SetDisabledAsync(999, true, "admin", None)).Succeeded);
    }
}
