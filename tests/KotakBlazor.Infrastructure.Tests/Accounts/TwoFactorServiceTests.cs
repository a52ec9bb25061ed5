using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Infrastructure.Security;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.Accounts;

/// <summary>The authenticator second factor on a real SQLite file, with time moved by hand.</summary>
public sealed class TwoFactorServiceTests : IAsyncLifetime
{
    private const string Password = "trader-password-1";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    // 10:00:05 IST, five seconds into a 30-second step.
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 4, 30, 5, TimeSpan.Zero));
    private readonly AccountOptions _accounts = new() { MaxFailedSignIns = 3 };
    private TestDatabase _db = null!;
    private IDataProtectionProvider _protection = null!;
    private TwoFactorService _twoFactor = null!;
    private SignedInUser _trader = null!;

    public async Task InitializeAsync()
    {
        _db = await new TestDatabase(_clock, _accounts).InitializedAsync();
        _protection = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_db.Folder, "keys")));
        _twoFactor = Service(_protection);
        _trader = await _db.Users.CreateAsync("trader1", Password, UserRoles.Trader, "admin", None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Enrollment_shows_a_secret_that_is_stored_encrypted_and_a_code_from_it_turns_the_factor_on_with_ten_recovery_codes()
    {
        var enrollment = await _twoFactor.StartEnrollmentAsync(_trader.Id, None);

        Assert.Matches("^[A-Z2-7]{32}$", enrollment.Secret);
        Assert.Equal($"otpauth://totp/KotakBlazor:trader1?secret={enrollment.Secret}&issuer=KotakBlazor&algorithm=SHA1&digits=6&period=30", enrollment.OtpAuthUri);
        Assert.DoesNotContain(enrollment.Secret, enrollment.ToString(), StringComparison.Ordinal);
        Assert.Equal(new TwoFactorStatus(false, true, null, 0), await _twoFactor.GetStatusAsync(_trader.Id, None));
        var stored = await StoredAsync();
        Assert.DoesNotContain(enrollment.Secret, stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.Equal(enrollment.Secret, _protection.CreateProtector("KotakBlazor.Accounts.TwoFactorSecret.v1", "1").Unprotect(stored.ProtectedSecret));

        Assert.Null(await _twoFactor.ConfirmEnrollmentAsync(_trader.Id, WrongCode(enrollment.Secret), None));
        Assert.False(await _twoFactor.IsEnabledAsync(_trader.Id, None));

        var codes = await _twoFactor.ConfirmEnrollmentAsync(_trader.Id, Code(enrollment.Secret), None);

        Assert.NotNull(codes);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$", c));
        Assert.Equal(new TwoFactorStatus(true, false, _clock.GetUtcNow(), 10), await _twoFactor.GetStatusAsync(_trader.Id, None));
        await using var context = _db.ContextFactory.CreateDbContext();
        var hashes = await context.Set<UserRecoveryCodeRecord>().Select(c => c.CodeHash).ToListAsync();
        Assert.DoesNotContain(hashes, h => codes.Any(c => h.Contains(c.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
        var audit = await _db.Audit.RecentAsync(20, None);
        Assert.Contains(audit, a => a.Action == "two-factor.enabled" && a.Actor == "trader1");
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains(enrollment.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_right_password_is_only_half_a_sign_in_and_the_current_code_completes_it_once()
    {
        var secret = await EnrolAsync();
        _clock.Advance(Step);

        var password = await _db.Users.SignInAsync("trader1", Password, "10.0.0.9", None);
        var code = Code(secret);
        var signedIn = await _twoFactor.VerifySignInAsync(_trader.Id, password.User!.SecurityStamp, code, "10.0.0.9", None);
        var replayed = await _twoFactor.VerifySignInAsync(_trader.Id, password.User!.SecurityStamp, code, "10.0.0.9", None);

        Assert.Equal(SignInOutcome.SecondFactorRequired, password.Outcome);
        Assert.Equal(SignInOutcome.Succeeded, signedIn.Outcome);
        Assert.True(signedIn.User!.UsedSecondFactor);
        Assert.Equal(SignInOutcome.InvalidCode, replayed.Outcome);
        var audit = await _db.Audit.RecentAsync(10, None);
        Assert.Contains(audit, a => a.Action == "auth.password-accepted");
        Assert.Contains(audit, a => a.Action == "auth.sign-in" && a.Details == "Signed in with the password and an authenticator code." && a.RemoteAddress == "10.0.0.9");
        Assert.Contains(audit, a => a.Action == "auth.second-factor.failed" && a.Details!.Contains("already used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_code_used_to_enrol_cannot_sign_in()
    {
        var secret = await EnrolAsync();

        var password = await _db.Users.SignInAsync("trader1", Password, null, None);
        var result = await _twoFactor.VerifySignInAsync(_trader.Id, password.User!.SecurityStamp, Code(secret), null, None);

        Assert.Equal(SignInOutcome.InvalidCode, result.Outcome);
    }

    [Fact]
    public async Task A_code_one_step_either_side_of_now_is_accepted_and_two_steps_old_is_not()
    {
        var secret = await EnrolAsync();
        _clock.Advance(Step * 3);
        var stamp = (await _db.Users.SignInAsync("trader1", Password, null, None)).User!.SecurityStamp;

        var previousStep = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, Code(secret, -1), null, None);
        _clock.Advance(Step);
        var twoStepsOld = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, Code(secret, -2), null, None);
        var nextStep = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, Code(secret, 1), null, None);

        Assert.Equal(SignInOutcome.Succeeded, previousStep.Outcome);
        Assert.Equal(SignInOutcome.InvalidCode, twoStepsOld.Outcome);
        Assert.Equal(SignInOutcome.Succeeded, nextStep.Outcome);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_however_it_is_typed()
    {
        await EnrolAsync();
        var codes = await RecoveryCodesAsync();
        var stamp = (await _db.Users.SignInAsync("trader1", Password, null, None)).User!.SecurityStamp;
        var typed = codes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        var first = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, typed, null, None);
        var again = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, codes[3], null, None);

        Assert.Equal(SignInOutcome.Succeeded, first.Outcome);
        Assert.Equal(SignInOutcome.InvalidCode, again.Outcome);
        Assert.Equal(9, (await _twoFactor.GetStatusAsync(_trader.Id, None)).RecoveryCodesLeft);
        Assert.Contains(await _db.Audit.RecentAsync(5, None), a => a.Details == "Signed in with the password and a recovery code.");
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_and_a_new_password_entry_does_not_forgive_them()
    {
        var secret = await EnrolAsync();
        _clock.Advance(Step);
        var stamp = (await _db.Users.SignInAsync("trader1", Password, null, None)).User!.SecurityStamp;

        Assert.Equal(SignInOutcome.InvalidCode, (await _twoFactor.VerifySignInAsync(_trader.Id, stamp, WrongCode(secret), null, None)).Outcome);
        Assert.Equal(SignInOutcome.InvalidCode, (await _twoFactor.VerifySignInAsync(_trader.Id, stamp, "AAAA-BBBB-CCCC-DDDD", null, None)).Outcome);
        Assert.Equal(SignInOutcome.SecondFactorRequired, (await _db.Users.SignInAsync("trader1", Password, null, None)).Outcome);
        var third = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, WrongCode(secret), null, None);
        var rightButLocked = await _twoFactor.VerifySignInAsync(_trader.Id, stamp, Code(secret), null, None);

        Assert.Equal(SignInOutcome.LockedOut, third.Outcome);
        Assert.Equal(_clock.GetUtcNow() + _accounts.LockoutDuration, third.LockedOutUntil);
        Assert.Equal(SignInOutcome.LockedOut, rightButLocked.Outcome);
        Assert.Contains(await _db.Audit.RecentAsync(10, None), a => a.Action == "auth.locked-out" && a.Actor == "trader1");
    }

    [Fact]
    public async Task An_admin_reset_voids_a_half_finished_sign_in_ends_sessions_and_leaves_the_password_alone()
    {
        var secret = await EnrolAsync();
        _clock.Advance(Step);
        var halfway = (await _db.Users.SignInAsync("trader1", Password, null, None)).User!;

        var reset = await _twoFactor.ResetAsync(_trader.Id, "admin", None);
        var afterReset = await _twoFactor.VerifySignInAsync(_trader.Id, halfway.SecurityStamp, Code(secret), null, None);
        var passwordOnly = await _db.Users.SignInAsync("trader1", Password, null, None);

        Assert.True(reset.Succeeded, reset.Message);
        Assert.Equal(SignInOutcome.InvalidCredentials, afterReset.Outcome);
        Assert.False(await _db.Users.IsSessionValidAsync(_trader.Id, halfway.SecurityStamp, None));
        Assert.Equal(SignInOutcome.Succeeded, passwordOnly.Outcome);
        Assert.Equal(TwoFactorStatus.None, await _twoFactor.GetStatusAsync(_trader.Id, None));
        Assert.False((await _twoFactor.ResetAsync(_trader.Id, "admin", None)).Succeeded);
        Assert.Contains(await _db.Audit.RecentAsync(5, None), a => a.Action == "two-factor.reset" && a.Actor == "admin" && a.Details!.Contains("'trader1'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_data_protection_keys_lost_the_authenticator_fails_but_a_recovery_code_still_signs_in()
    {
        var secret = await EnrolAsync();
        var codes = await RecoveryCodesAsync();
        _clock.Advance(Step);
        var lostKeys = Service(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_db.Folder, "other-keys"))));
        var stamp = (await _db.Users.SignInAsync("trader1", Password, null, None)).User!.SecurityStamp;

        Assert.Equal(SignInOutcome.InvalidCode, (await lostKeys.VerifySignInAsync(_trader.Id, stamp, Code(secret), null, None)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await lostKeys.VerifySignInAsync(_trader.Id, stamp, codes[0], null, None)).Outcome);
    }

    [Fact]
    public async Task The_owner_turns_it_off_with_a_current_code_and_signs_in_with_the_password_alone()
    {
        var secret = await EnrolAsync();
        _clock.Advance(Step);

        Assert.False(await _twoFactor.DisableAsync(_trader.Id, WrongCode(secret), None));
        Assert.True(await _twoFactor.IsEnabledAsync(_trader.Id, None));
        Assert.True(await _twoFactor.DisableAsync(_trader.Id, Code(secret), None));

        Assert.Equal(SignInOutcome.Succeeded, (await _db.Users.SignInAsync("trader1", Password, null, None)).Outcome);
        await using var context = _db.ContextFactory.CreateDbContext();
        Assert.Empty(await context.Set<UserRecoveryCodeRecord>().ToListAsync());
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var secret = await EnrolAsync();
        var old = await RecoveryCodesAsync();
        _clock.Advance(Step);

        var renewed = await _twoFactor.RegenerateRecoveryCodesAsync(_trader.Id, Code(secret), None);
        var stamp = (await _db.Users.SignInAsync("trader1", Password, null, None)).User!.SecurityStamp;

        Assert.NotNull(renewed);
        Assert.Equal(SignInOutcome.InvalidCode, (await _twoFactor.VerifySignInAsync(_trader.Id, stamp, old[0], null, None)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await _twoFactor.VerifySignInAsync(_trader.Id, stamp, renewed[0], null, None)).Outcome);
    }

    [Fact]
    public async Task An_enabled_factor_is_not_replaced_by_a_new_enrollment()
    {
        await EnrolAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _twoFactor.StartEnrollmentAsync(_trader.Id, None));
    }

    private IReadOnlyList<string>? _recoveryCodes;

    private async Task<string> EnrolAsync()
    {
        var enrollment = await _twoFactor.StartEnrollmentAsync(_trader.Id, None);
        _recoveryCodes = await _twoFactor.ConfirmEnrollmentAsync(_trader.Id, Code(enrollment.Secret), None);
        Assert.NotNull(_recoveryCodes);
        return enrollment.Secret;
    }

    private Task<IReadOnlyList<string>> RecoveryCodesAsync() => Task.FromResult(_recoveryCodes!);

    private string Code(string secret, int steps = 0) => Totp.FromBase32(secret).CodeAt(_clock.GetUtcNow() + (Step * steps));

    // Well-formed, and none of the three codes valid now.
    private string WrongCode(string secret)
    {
        var valid = new[] { -1, 0, 1 }.Select(s => Code(secret, s)).ToHashSet();
        return new[] { "000000", "111111", "222222", "333333" }.First(c => !valid.Contains(c));
    }

    private async Task<UserTwoFactorRecord> StoredAsync()
    {
        await using var context = _db.ContextFactory.CreateDbContext();
        return await context.Set<UserTwoFactorRecord>().SingleAsync();
    }

    private TwoFactorService Service(IDataProtectionProvider protection) =>
        new(_db.ContextFactory, protection, Options.Create(_accounts), _db.Audit, _clock, NullLogger<TwoFactorService>.Instance);
}
