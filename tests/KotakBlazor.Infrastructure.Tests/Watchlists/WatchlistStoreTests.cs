using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Tests.Support;

namespace KotakBlazor.Infrastructure.Tests.Watchlists;

public sealed class WatchlistStoreTests
{
    private static readonly Instrument Nifty = new(new InstrumentId(ExchangeSegment.NseCm, 26000), "Nifty 50", "NIFTY", "NIFTY 50 index", InstrumentType.Index, "NIFTY", 1, 0.01m, 0);
    private static readonly Instrument Tcs = new(new InstrumentId(ExchangeSegment.NseCm, 11536), "TCS-EQ", "TCS", "Tata Consultancy Services", InstrumentType.Equity, "TCS", 1, 0.05m, 0);
    private static readonly InstrumentCatalog Catalog = new([Nifty, Tcs]);

    [Fact]
    public async Task Each_user_keeps_their_own_list_in_the_order_added()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = db.Watchlists(Catalog);
        var alice = await db.Users.CreateAsync("alice", "long-enough-pass", UserRoles.Trader, "t", CancellationToken.None);
        var bob = await db.Users.CreateAsync("bob", "long-enough-pass", UserRoles.Trader, "t", CancellationToken.None);

        Assert.Null(await store.AddAsync(alice.Id, Tcs.Id, CancellationToken.None));
        Assert.Null(await store.AddAsync(alice.Id, Nifty.Id, CancellationToken.None));
        Assert.Null(await store.AddAsync(bob.Id, Nifty.Id, CancellationToken.None));

        Assert.Equal([Tcs.Id, Nifty.Id], (await store.GetAsync(alice.Id, CancellationToken.None)).Select(w => w.Instrument));
        Assert.Equal([Nifty.Id], (await store.GetAsync(bob.Id, CancellationToken.None)).Select(w => w.Instrument));
    }

    [Fact]
    public async Task Duplicates_and_unknown_instruments_are_refused_with_a_reason()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = db.Watchlists(Catalog);
        var user = await db.Users.CreateAsync("carol", "long-enough-pass", UserRoles.Trader, "t", CancellationToken.None);
        await store.AddAsync(user.Id, Tcs.Id, CancellationToken.None);

        Assert.Equal("TCS-EQ is already on your watchlist.", await store.AddAsync(user.Id, Tcs.Id, CancellationToken.None));
        Assert.Equal("Unknown instrument nse_cm|999999.", await store.AddAsync(user.Id, new InstrumentId(ExchangeSegment.NseCm, 999999), CancellationToken.None));
        Assert.Single(await store.GetAsync(user.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_takes_the_symbol_off_and_only_that_one()
    {
        await using var db = await new TestDatabase().InitializedAsync();
        var store = db.Watchlists(Catalog);
        var user = await db.Users.CreateAsync("dan", "long-enough-pass", UserRoles.Trader, "t", CancellationToken.None);
        await store.AddAsync(user.Id, Tcs.Id, CancellationToken.None);
        await store.AddAsync(user.Id, Nifty.Id, CancellationToken.None);

        Assert.True(await store.RemoveAsync(user.Id, Tcs.Id, CancellationToken.None));
        Assert.False(await store.RemoveAsync(user.Id, Tcs.Id, CancellationToken.None));
        Assert.Equal([Nifty.Id], (await store.GetAsync(user.Id, CancellationToken.None)).Select(w => w.Instrument));
    }
}
