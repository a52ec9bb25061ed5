using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Tests.Accounts;

public sealed class UserAccountServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_created_user_signs_in_with_the_right_password_only()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await db.Users.CreateAsync("Trader.One", "correct horse battery", UserRoles.Trader, "admin", None);

        var wrong = await db.Users.SignInAsync("trader.one", "wrong password!", "127.0.0.1", None);
        var right = await db.Users.SignInAsync("TRADER.ONE", "correct horse battery", "127.0.0.1", None);

        Assert.Equal(SignInOutcome.InvalidCredentials, wrong.Outcome);
        Assert.True(right.Succeeded);
        Assert.Equal("Trader.One", right.User!.UserName);
        Assert.Equal(UserRoles.Trader, right.User.Role);
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await db.Users.CreateAsync("viewer", "plain-text-password", UserRoles.Viewer, "admin", None);

        await using var context = db.ContextFactory.CreateDbContext();
        var stored = await context.Users.SingleAsync();
        Assert.DoesNotContain("plain-text-password", stored.PasswordHash, StringComparison.Ordinal);
        Assert.True(stored.PasswordHash.Length > 40);
    }

    [Theory]
    [InlineData("ab", "long-enough-pass", UserRoles.Trader, "user name")]
    [InlineData("has space", "long-enough-pass", UserRoles.Trader, "user name")]
    [InlineData("trader", "short", UserRoles.Trader, "at least 10")]
    [InlineData("trader", "long-enough-pass", "Emperor", "Unknown role")]
    public async Task Bad_input_is_refused_with_a_reason_and_stores_nothing(string userName, string password, string role, string expected)
    {
        await using var db = await new TestDatabase().InitializedAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Users.CreateAsync(userName, password, role, "admin", None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(await db.Users.AnyUsersAsync(None));
    }

    [Fact]
    public async Task Duplicate_user_names_are_refused_whatever_their_case()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await db.Users.CreateAsync("alice", "long-enough-pass", UserRoles.Trader, "admin", None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Users.CreateAsync("ALICE", "long-enough-pass", UserRoles.Trader, "admin", None));

        Assert.Contains("taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password_until_the_lockout_ends()
    {
        var start = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(start);
        await using var db = await new TestDatabase(clock, new AccountOptions { MaxFailedSignIns = 3, LockoutDuration = TimeSpan.FromMinutes(15) }).InitializedAsync();
        await db.Users.CreateAsync("bob", "right-password", UserRoles.Trader, "admin", None);

        Assert.Equal(SignInOutcome.InvalidCredentials, (await db.Users.SignInAsync("bob", "nope-1", null, None)).Outcome);
        Assert.Equal(SignInOutcome.InvalidCredentials, (await db.Users.SignInAsync("bob", "nope-2", null, None)).Outcome);
        var third = await db.Users.SignInAsync("bob", "nope-3", null, None);
        var rightButLocked = await db.Users.SignInAsync("bob", "right-password", null, None);
        clock.Advance(TimeSpan.FromMinutes(16));
        var afterLockout = await db.Users.SignInAsync("bob", "right-password", null, None);

        Assert.Equal(SignInOutcome.LockedOut, third.Outcome);
        Assert.Equal(start.AddMinutes(15), third.LockedOutUntil);
        Assert.Equal(SignInOutcome.LockedOut, rightButLocked.Outcome);
        Assert.True(afterLockout.Succeeded);
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_audited_without_the_password()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await db.Users.CreateAsync("carol", "secret-password-1", UserRoles.Trader, "admin", None);
        await db.Users.SignInAsync("carol", "guess-password", "10.1.2.3", None);
        await db.Users.SignInAsync("carol", "secret-password-1", "10.1.2.3", None);
        await db.Users.SignInAsync("mallory", "whatever-pass", "10.9.9.9", None);

        var entries = await db.Audit.RecentAsync(10, None);

        Assert.Equal(["auth.sign-in.failed", "auth.sign-in", "auth.sign-in.failed", "user.created"], entries.Select(e => e.Action));
        Assert.Equal("mallory", entries[0].Actor);
        Assert.Equal("10.1.2.3", entries[1].RemoteAddress);
        Assert.All(entries, e => Assert.DoesNotContain("guess-password", e.Details ?? string.Empty, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("secret-password-1", e.Details ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_is_valid_only_while_the_security_stamp_matches_and_the_user_is_enabled()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var user = await db.Users.CreateAsync("dave", "long-enough-pass", UserRoles.Viewer, "admin", None);

        Assert.True(await db.Users.IsSessionValidAsync(user.Id, user.SecurityStamp, None));
        Assert.False(await db.Users.IsSessionValidAsync(user.Id, "stale-stamp", None));
        await using (var context = db.ContextFactory.CreateDbContext())
        {
            await context.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }

        Assert.False(await db.Users.IsSessionValidAsync(user.Id, user.SecurityStamp, None));
        Assert.Equal(SignInOutcome.Disabled, (await db.Users.SignInAsync("dave", "long-enough-pass", null, None)).Outcome);
    }
}
