using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Tests.Accounts;

public sealed class AdminBootstrapperTests
{
    private static readonly InstrumentCatalog Catalog = new(
    [
        new Instrument(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0),
        new Instrument(new InstrumentId(ExchangeSegment.NseCm, 2885), "RELIANCE-EQ", "RELIANCE", "Reliance Industries", InstrumentType.Equity, "RELIANCE", 1, 0.05m, 0),
    ]);

    [Fact]
    public async Task Without_a_configured_password_one_is_generated_printed_once_and_works()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var console = new StringWriter();
        var bootstrapper = Bootstrapper(db, null, console);

        await bootstrapper.EnsureAdminAsync(CancellationToken.None);
        await bootstrapper.EnsureAdminAsync(CancellationToken.None);

        var printed = console.ToString();
        var password = printed.Split('\n').Single(l => l.Contains("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        Assert.Equal(1, printed.Split("Password:").Length - 1);
        Assert.True(password.Length >= 16);
        var signIn = await db.Users.SignInAsync("admin", password, null, CancellationToken.None);
        Assert.True(signIn.Succeeded);
        Assert.Equal(UserRoles.Admin, signIn.User!.Role);
    }

    [Fact]
    public async Task A_configured_password_is_used_and_nothing_is_printed()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var console = new StringWriter();

        await Bootstrapper(db, "configured-admin-password", console).EnsureAdminAsync(CancellationToken.None);

        Assert.Equal(string.Empty, console.ToString());
        Assert.True((await db.Users.SignInAsync("admin", "configured-admin-password", null, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task The_first_admin_starts_with_the_default_watchlist_the_catalog_has()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        await Bootstrapper(db, "configured-admin-password", new StringWriter()).EnsureAdminAsync(CancellationToken.None);
        var admin = (await db.Users.SignInAsync("admin", "configured-admin-password", null, CancellationToken.None)).User!;

        var watchlist = await db.Watchlists(Catalog).GetAsync(admin.Id, CancellationToken.None);

        Assert.Equal(["Nifty 50", "RELIANCE-EQ"], watchlist.Select(w => w.TradingSymbol));
    }

    [Fact]
    public async Task A_too_short_configured_password_stops_startup_with_the_reason()
    {
        await using var db = await new TestDatabase().InitializedAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bootstrapper(db, "short", new StringWriter()).EnsureAdminAsync(CancellationToken.None));

        Assert.Contains("Bootstrap:AdminPassword", error.Message, StringComparison.Ordinal);
        Assert.False(await db.Users.AnyUsersAsync(CancellationToken.None));
    }

    private static AdminBootstrapper Bootstrapper(TestDatabase db, string? password, TextWriter console) =>
        new(db.Users, db.Watchlists(Catalog), Options.Create(new BootstrapOptions { AdminPassword = password }), NullLogger<AdminBootstrapper>.Instance)
        {
            Console = console,
        };
}
