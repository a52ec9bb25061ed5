using System.Globalization;
using System.Text.Json.Nodes;
using KotakBlazor.Core.Instruments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>Positions, holdings, limits, check-margin and quotes, in the documented shapes (amounts as strings).</summary>
internal sealed partial class FakeKotakServer
{
    private void MapPortfolioRoutes(WebApplication app)
    {
        app.MapGet("/quick/user/positions", context => WithSessionAsync(context, () => (200, Positions())));
        app.MapGet("/portfolio/v1/holdings", context => WithSessionAsync(context, () => (200, Holdings())));
        app.MapPost("/quick/user/limits", context => WithJDataAsync(context, ["seg", "exch", "prod"], (c, _) => WriteAsync(c, 200, Limits())));
        app.MapPost("/quick/user/check-margin", context => WithJDataAsync(context, ["exSeg", "prc", "prcTp", "prod", "qty", "tok", "trnsTp"], CheckMarginAsync));
        app.MapGet("/script-details/1.0/quotes/neosymbol/{symbols}/{filter}", QuotesAsync);
    }

    private JsonObject Positions()
    {
        var rows = Exchange.Trades()
            .GroupBy(t => (t.Order.Instrument, t.Order.Product))
            .Select(g =>
            {
                var (instrument, product) = g.Key;
                var buys = g.Where(t => t.Order.IsBuy).ToList();
                var sells = g.Where(t => !t.Order.IsBuy).ToList();
                return (JsonNode)new JsonObject
                {
                    ["exSeg"] = instrument.Id.Segment.ToWireName(),
                    ["tok"] = instrument.Id.Token.ToString(CultureInfo.InvariantCulture),
                    ["trdSym"] = instrument.TradingSymbol,
                    ["sym"] = instrument.Name,
                    ["prod"] = product,
                    ["cfBuyQty"] = "0",
                    ["cfSellQty"] = "0",
                    ["cfBuyAmt"] = "0.00",
                    ["cfSellAmt"] = "0.00",
                    ["flBuyQty"] = buys.Sum(t => t.Quantity).ToString(CultureInfo.InvariantCulture),
                    ["flSellQty"] = sells.Sum(t => t.Quantity).ToString(CultureInfo.InvariantCulture),
                    ["buyAmt"] = FakeKotakRows.Money(buys.Sum(t => t.Quantity * t.Price)),
                    ["sellAmt"] = FakeKotakRows.Money(sells.Sum(t => t.Quantity * t.Price)),
                    ["brdLtQty"] = instrument.LotSize,
                    ["lotSz"] = instrument.LotSize.ToString(CultureInfo.InvariantCulture),
                    ["multiplier"] = "1",
                    ["genNum"] = "1",
                    ["genDen"] = "1",
                    ["prcNum"] = "1",
                    ["prcDen"] = "1",
                    ["precision"] = "2",
                    ["posFlg"] = "true",
                    ["sqrFlg"] = "Y",
                    ["hsUpTm"] = FakeKotakRows.Slashed(g.Max(t => t.At)),
                    ["ltp"] = FakeKotakRows.Money(Exchange.LastPrice(instrument.Id) ?? 0m),
                };
            })
            .ToArray();
        return new JsonObject { ["stat"] = "ok", ["stCode"] = 200, ["data"] = new JsonArray(rows) };
    }

    private JsonObject Holdings() => new()
    {
        ["data"] = new JsonArray(Exchange.Holdings.Select((h, i) => (JsonNode)new JsonObject
        {
            ["displaySymbol"] = h.Instrument.Name,
            ["symbol"] = h.Instrument.Name,
            ["averagePrice"] = h.AveragePrice,
            ["quantity"] = h.Quantity,
            ["sellableQuantity"] = h.Quantity,
            ["exchangeSegment"] = h.Instrument.Id.Segment.ToWireName(),
            ["exchangeIdentifier"] = h.Instrument.Id.Token.ToString(CultureInfo.InvariantCulture),
            // A different number from the scrip token, as in Kotak's sample.
            ["instrumentToken"] = 8000 + i,
            ["holdingCost"] = h.Quantity * h.AveragePrice,
            ["mktValue"] = h.Quantity * h.ClosingPrice,
            ["closingPrice"] = h.ClosingPrice,
            ["instrumentType"] = "Equity",
        }).ToArray()),
    };

    private JsonObject Limits()
    {
        var used = Exchange.MarginUsed();
        return new JsonObject
        {
            ["Category"] = "CLIENT_SPECIAL",
            ["CollateralValue"] = FakeKotakRows.Money(Exchange.Cash),
            ["Collateral"] = "0",
            ["MarginUsed"] = FakeKotakRows.Money(used),
            ["RmsPayInAmt"] = "0",
            ["RmsPayOutAmt"] = "0",
            ["Net"] = FakeKotakRows.Money(Exchange.Cash - used),
            ["stCode"] = 200,
            ["stat"] = "Ok",
        };
    }

    private Task CheckMarginAsync(HttpContext context, Dictionary<string, string> j)
    {
        if (!ExchangeSegments.TryParse(j["exSeg"], out var segment) || !int.TryParse(j["tok"], CultureInfo.InvariantCulture, out var token))
        {
            return BusinessErrorAsync(context, 1009, "Invalid instrument");
        }

        var required = Exchange.MarginFor(new InstrumentId(segment, token), j["trnsTp"] == "B", int.Parse(j["qty"], CultureInfo.InvariantCulture), Decimal(j["prc"]));
        var used = Exchange.MarginUsed();
        var shortfall = Math.Max(0m, required - (Exchange.Cash - used));
        return WriteAsync(context, 200, new JsonObject
        {
            ["avlCash"] = Exchange.Cash.ToString("0.000000", CultureInfo.InvariantCulture),
            ["totMrgnUsd"] = (used + required).ToString("0.000000", CultureInfo.InvariantCulture),
            ["mrgnUsd"] = used.ToString("0.000000", CultureInfo.InvariantCulture),
            ["ordMrgn"] = required.ToString("0.000000", CultureInfo.InvariantCulture),
            ["rmsVldtd"] = shortfall > 0 ? "NOT_OK" : "OK",
            ["reqdMrgn"] = shortfall.ToString("0.000000", CultureInfo.InvariantCulture),
            ["avlMrgn"] = "0.000000",
            ["insufFund"] = shortfall.ToString("0.000000", CultureInfo.InvariantCulture),
            ["stat"] = "Ok",
            ["stCode"] = 200,
        });
    }

    /// <summary>Every filter gets the documented <c>all</c> shape: no source shows the others.</summary>
    private async Task QuotesAsync(HttpContext context, string symbols)
    {
        // Quotes need only the access token, no session.
        if (Header(context, "Authorization") != Account.AccessToken)
        {
            await WriteAsync(context, 401, new JsonObject { ["message"] = "Invalid access token" });
            return;
        }

        var rows = new List<JsonNode>();
        foreach (var text in Uri.UnescapeDataString(symbols).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!InstrumentId.TryParse(text, out var id) || Exchange.Find(id) is not { } instrument || Exchange.LastPrice(id) is not { } last)
            {
                continue;
            }

            var tick = instrument.TickSize;
            rows.Add(new JsonObject
            {
                ["exchange_token"] = id.Token.ToString(CultureInfo.InvariantCulture),
                ["display_symbol"] = instrument.TradingSymbol,
                ["exchange"] = id.Segment.ToWireName(),
                ["lstup_time"] = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["ltp"] = last.ToString("0.0000", CultureInfo.InvariantCulture),
                ["last_traded_quantity"] = instrument.LotSize.ToString(CultureInfo.InvariantCulture),
                ["last_volume"] = "120000",
                ["open_int"] = "0",
                ["ohlc"] = new JsonObject { ["open"] = Four(last), ["high"] = Four(last), ["low"] = Four(last), ["close"] = Four(last) },
                ["depth"] = new JsonObject
                {
                    ["buy"] = new JsonArray(new JsonObject { ["price"] = Four(last - tick), ["quantity"] = "650", ["orders"] = "3" }),
                    ["sell"] = new JsonArray(new JsonObject { ["price"] = Four(last + tick), ["quantity"] = "325", ["orders"] = "2" }),
                },
            });
        }

        await WriteAsync(context, 200, new JsonArray(rows.ToArray()));
    }

    private static string Four(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
