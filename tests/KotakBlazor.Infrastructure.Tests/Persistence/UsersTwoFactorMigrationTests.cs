using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.Persistence;

public sealed class UsersTwoFactorMigrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Users_of_the_previous_schema_keep_signing_in_with_their_password_and_can_enrol_after_the_upgrade()
    {
        await using var db = new TestDatabase();
        await using (var context = db.ContextFactory.CreateDbContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261204030000_ScripMasterCache", None);
        }

        var old = await db.Users.CreateAsync("old-timer", "long-enough-pass", UserRoles.Admin, "test", None);

        await db.Initializer.InitializeAsync(None);

        await using (var upgraded = db.ContextFactory.CreateDbContext())
        {
            Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync(None));
        }

        Assert.Equal(SignInOutcome.Succeeded, (await db.Users.SignInAsync("old-timer", "long-enough-pass", null, None)).Outcome);
        var twoFactor = new TwoFactorService(db.ContextFactory, DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(db.Folder, "keys"))),
            Options.Create(new AccountOptions()), db.Audit, db.Time, NullLogger<TwoFactorService>.Instance);
        Assert.Equal(TwoFactorStatus.None, await twoFactor.GetStatusAsync(old.Id, None));
        Assert.Matches("^[A-Z2-7]{32}$", (await twoFactor.StartEnrollmentAsync(old.Id, None)).Secret);
    }
}
