using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Brokers.KotakNeo.ScripMaster;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeFeeds;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

namespace KotakBlazor.Web.Tests.Broker;

/// <summary>
/// Kotak Neo on loopback for the whole app: the fake REST server (login, orders, books, client IP) and the fake
/// feed server (SFeed, HSI, scrip-master files) sharing one account and one session, one scrip master whose
/// instruments the fake exchange trades, and the settings that point an app at them.
/// </summary>
internal sealed class FakeKotakBroker : IAsyncDisposable
{
    private static readonly string CashFile = ScripMasterCsvSamples.File(ScripMasterCsvSamples.NseCmHeader, ScripMasterCsvSamples.RelianceEquity, ScripMasterCsvSamples.Nifty50Index);
    private static readonly string FoFile = ScripMasterCsvSamples.File(ScripMasterCsvSamples.NseFoHeader, ScripMasterCsvSamples.NiftyWeeklyPut);

    private FakeKotakBroker(FakeKotakServer rest, FakeFeedServer feeds, Instrument reliance)
    {
        Rest = rest;
        Feeds = feeds;
        Reliance = reliance;
    }

    public FakeKotakServer Rest { get; }

    public FakeFeedServer Feeds { get; }

    /// <summary>RELIANCE-EQ as the scrip master describes it (nse_cm|2885, tick 0.10, lot 1).</summary>
    public Instrument Reliance { get; }

    public KotakCredentials Credentials => Rest.Account.Credentials;

    /// <summary>Every secret of the account and its sessions, to search logs and files for.</summary>
    public IEnumerable<string> Secrets =>
        new[] { Rest.Account.AccessToken, Rest.Account.Mpin, Rest.Account.TotpSecret, Rest.Account.MobileNumber, Rest.Account.MobileNumber[3..], Rest.TradeToken }
            .OfType<string>();

    /// <param name="reliancePrice">RELIANCE-EQ's last price at the fake exchange.</param>
    /// <param name="master">The scrip master to serve in place of the default one; its cash file must hold RELIANCE-EQ.</param>
    public static async Task<FakeKotakBroker> StartAsync(decimal reliancePrice = 1400.00m, ScripMasterDay? master = null)
    {
        var cashFile = master?.CashFile ?? CashFile;
        var foFile = master?.DerivativesFile ?? FoFile;
        var rest = await FakeKotakServer.StartAsync();
        var feeds = await FakeFeedServer.StartAsync();
        feeds.SFeed.CurrentSid = () => rest.TradeSid;
        feeds.OrderFeed.CurrentSession = () => (rest.TradeToken, rest.TradeSid);
        feeds.ScripMaster.AcceptedAccessToken = rest.Account.AccessToken;
        feeds.ScripMaster.Files["nse_cm.csv"] = cashFile;
        feeds.ScripMaster.Files["nse_fo.csv"] = foFile;
        Instrument? reliance = null;
        foreach (var file in new[] { cashFile, foFile })
        {
            var parsed = await ScripMasterCsvParser.ParseAsync(new StringReader(file), "fake", CancellationToken.None);
            foreach (var instrument in parsed.Instruments)
            {
                rest.Exchange.Add(instrument);
                reliance = instrument.TradingSymbol == "RELIANCE-EQ" ? instrument : reliance;
            }
        }

        rest.Exchange.SetLastPrice(reliance!.Id, reliancePrice);
        return new FakeKotakBroker(rest, feeds, reliance);
    }

    /// <summary>App settings for <c>Broker:Mode</c> <paramref name="mode"/> against these fakes (market open round the clock, RELIANCE-EQ streamed).</summary>
    public Dictionary<string, string> Settings(string mode = "KotakNeo") => new()
    {
        ["Broker:Mode"] = mode,
        ["Broker:MarketHours"] = "AlwaysOpen",
        ["Broker:Subscribe:0"] = "RELIANCE-EQ",
        ["Broker:SubscriptionRefresh"] = "00:00:00.200",
        ["KotakNeo:LoginBaseUrl"] = Rest.BaseUrl.AbsoluteUri,
        ["KotakNeo:QuotesBaseUrl"] = Rest.BaseUrl.AbsoluteUri,
        ["KotakNeo:ReadRetryDelay"] = "00:00:00",
        ["Kotak:MarketFeed:FeedUrl"] = Feeds.FeedUrl.AbsoluteUri,
        ["Kotak:OrderFeed:RealtimeUrl"] = new Uri(Feeds.BaseUrl, "/realtime").AbsoluteUri,
        ["Kotak:MarketFeed:ReconnectDelay"] = "00:00:00.100",
        ["Kotak:OrderFeed:ReconnectDelay"] = "00:00:00.100",
        ["Kotak:ScripMaster:BaseUrl"] = Feeds.BaseUrl.AbsoluteUri,
        // Reconciliation on an interval would read the book on its own; these tests want to see what the feeds do.
        ["Reconciliation:IntervalSeconds"] = "0",
    };

    /// <summary>Pushes a touch line for RELIANCE-EQ at <paramref name="price"/> on the current SFeed connection.</summary>
    public Task PushRelianceTickAsync(decimal price, DateTimeOffset at) =>
        Feeds.SFeed.PushAsync(SFeedFrames.Touchline(SFeedFrames.NseCm, (uint)Reliance.Id.Token, (uint)(price * 100), (uint)(price * 100), at.ToUnixTimeSeconds(), lastQuantity: 10));

    /// <summary>Pushes an order's current state on the HSI order feed, as Kotak does.</summary>
    public Task PushOrderAsync(FakeOrder order) =>
        Feeds.OrderFeed.PushAsync(new System.Text.Json.Nodes.JsonObject { ["type"] = "order", ["data"] = FakeKotakRows.Order(order) }.ToJsonString());

    public static string Rupees(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Feeds.DisposeAsync();
        await Rest.DisposeAsync();
    }
}
