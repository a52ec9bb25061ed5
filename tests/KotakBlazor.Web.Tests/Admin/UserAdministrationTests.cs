using System.Net;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Admin;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Admin;

/// <summary>
/// The users service as the page calls it, on the running app: only an enabled admin (as the database
/// knows them now) changes users, never themself; refusals change nothing and are audited; changes
/// reach the affected user's open sessions over HTTP.
/// </summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private static readonly ActingUser Admin = new("admin", UserRoles.Admin);
    private static readonly CancellationToken None = CancellationToken.None;
    private LoopbackApp _app = null!;

    private UserAdministration Administration => _app.Services.GetRequiredService<UserAdministration>();

    private UserAccountService Users => _app.Services.GetRequiredService<UserAccountService>();

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(UserRoles.Trader)]
    [InlineData(UserRoles.Viewer)]
    public async Task A_trader_or_viewer_calling_the_service_is_refused_and_nothing_changes(string role)
    {
        await Users.CreateAsync("someone", "someone-password", role, "admin", None);
        var caller = new ActingUser("someone", role);
        var admin = (await Users.FindByNameAsync("admin", None))!;

        var created = await Administration.CreateAsync(caller, "sneaky", "sneaky-password", UserRoles.Admin, None);
        var demoted = await Administration.ChangeRoleAsync(caller, admin.Id, UserRoles.Viewer, None);
        var disabled = await Administration.SetDisabledAsync(caller, admin.Id, true, None);
        var reset = await Administration.ResetPasswordAsync(caller, admin.Id, "taken-over-password", None);
        var listed = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Administration.ListAsync(caller, None));

        Assert.All([created, demoted, disabled, reset], r => Assert.Equal((false, UserAdministration.AdminsOnly), (r.Succeeded, r.Message)));
        Assert.Equal(UserAdministration.AdminsOnly, listed.Message);
        Assert.Null(await Users.FindByNameAsync("sneaky", None));
        Assert.Equal((UserRoles.Admin, false), ((await Users.FindAsync(admin.Id, None))!.Role, (await Users.FindAsync(admin.Id, None))!.IsDisabled));
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("admin", LoopbackApp.AdminPassword, null, None)).Outcome);
        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(20, None);
        Assert.Equal(5, audit.Count(a => a.Actor == "someone" && a.Action == "user.change-refused"));
    }

    [Fact]
    public async Task A_demoted_admin_with_a_stale_admin_circuit_is_refused()
    {
        await Users.CreateAsync("exadmin", "exadmin-password", UserRoles.Trader, "admin", None);

        var result = await Administration.CreateAsync(new ActingUser("exadmin", UserRoles.Admin), "new1", "new1-password", UserRoles.Trader, None);

        Assert.False(result.Succeeded);
        Assert.Null(await Users.FindByNameAsync("new1", None));
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_demote_themself()
    {
        var self = (await Users.FindByNameAsync("admin", None))!;

        var disabled = await Administration.SetDisabledAsync(Admin, self.Id, true, None);
        var demoted = await Administration.ChangeRoleAsync(Admin, self.Id, UserRoles.Trader, None);

        Assert.Equal("You cannot disable yourself; ask another admin.", disabled.Message);
        Assert.Equal("You cannot change the role of yourself; ask another admin.", demoted.Message);
        Assert.Equal((UserRoles.Admin, false), ((await Users.FindAsync(self.Id, None))!.Role, (await Users.FindAsync(self.Id, None))!.IsDisabled));
    }

    [Fact]
    public async Task An_admin_creates_a_trader_who_signs_in_and_disabling_them_ends_their_open_session()
    {
        var created = await Administration.CreateAsync(Admin, "priya.k", "priya-password-1", UserRoles.Trader, None);
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal("Created user 'priya.k' with role Trader.", created.Message);
        var (trader, _) = await _app.SignedInClientAsync("priya.k", "priya-password-1");
        Assert.Equal(HttpStatusCode.OK, (await trader.GetAsync("/")).StatusCode);
        var priya = (await Users.FindByNameAsync("priya.k", None))!;

        var disabled = await Administration.SetDisabledAsync(Admin, priya.Id, true, None);

        Assert.True(disabled.Succeeded, disabled.Message);
        var after = await trader.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", AccountForms.Location(_app, after).AbsolutePath);
        using var again = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.PostLoginAsync(again, "priya.k", "priya-password-1")).StatusCode);
        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(20, None);
        Assert.Contains(audit, a => a.Actor == "admin" && a.Action == "user.created" && a.Details == "Created user 'priya.k' with role Trader.");
        Assert.Contains(audit, a => a.Actor == "admin" && a.Action == "user.disabled");
        trader.Dispose();
    }

    [Fact]
    public async Task A_new_role_takes_effect_at_the_users_next_sign_in_and_their_old_session_ends()
    {
        await Administration.CreateAsync(Admin, "ravi", "ravi-password-1", UserRoles.Viewer, None);
        var (viewer, _) = await _app.SignedInClientAsync("ravi", "ravi-password-1");
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.GetAsync("/admin/users")).StatusCode);
        var ravi = (await Users.FindByNameAsync("ravi", None))!;

        var promoted = await Administration.ChangeRoleAsync(Admin, ravi.Id, UserRoles.Admin, None);

        Assert.True(promoted.Succeeded, promoted.Message);
        Assert.Equal("/account/login", AccountForms.Location(_app, await viewer.GetAsync("/")).AbsolutePath);
        var (admin2, _) = await _app.SignedInClientAsync("ravi", "ravi-password-1");
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync("/admin/users")).StatusCode);
        viewer.Dispose();
        admin2.Dispose();
    }

    [Fact]
    public async Task A_reset_password_and_a_reset_second_factor_let_the_user_back_in()
    {
        await Administration.CreateAsync(Admin, "meena", "meena-password-1", UserRoles.Trader, None);
        var (meena, _) = await _app.SignedInClientAsync("meena", "meena-password-1");
        await AccountForms.EnrolAsync(_app, meena);
        meena.Dispose();
        var id = (await Users.FindByNameAsync("meena", None))!.Id;

        var password = await Administration.ResetPasswordAsync(Admin, id, "meena-new-password", None);
        var factor = await Administration.ResetSecondFactorAsync(Admin, id, None);

        Assert.True(password.Succeeded, password.Message);
        Assert.True(factor.Succeeded, factor.Message);
        var (back, _) = await _app.SignedInClientAsync("meena", "meena-new-password");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/")).StatusCode);
        Assert.False((await Users.FindAsync(id, None))!.HasSecondFactor);
        var audit = await _app.Services.GetRequiredService<AuditLog>().RecentAsync(20, None);
        Assert.Contains(audit, a => a.Actor == "admin" && a.Action == "user.password-reset");
        Assert.Contains(audit, a => a.Actor == "admin" && a.Action == "two-factor.reset");
        back.Dispose();
    }
}
