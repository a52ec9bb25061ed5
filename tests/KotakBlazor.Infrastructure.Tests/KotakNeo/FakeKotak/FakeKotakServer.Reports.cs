using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>Order book (all, or one order), order history (newest first) and trade book.</summary>
internal sealed partial class FakeKotakServer
{
    private void MapReportRoutes(WebApplication app)
    {
        app.MapGet("/quick/user/orders", context => WithSessionAsync(context, () => Rows(Exchange.Orders().Select(FakeKotakRows.Order), "Ok")));
        app.MapGet("/quick/user/orders/{orderId}", (HttpContext context, string orderId) =>
            WithSessionAsync(context, () => Rows(Exchange.Orders().Where(o => o.Id == orderId).Select(FakeKotakRows.Order), "Ok")));
        app.MapPost("/quick/order/history", context => WithJDataAsync(context, ["nOrdNo"], (c, j) =>
        {
            var order = Exchange.Order(j["nOrdNo"]);
            if (order is null)
            {
                return BusinessErrorAsync(c, 1006, "Order not found");
            }

            var states = order.History.AsEnumerable().Reverse().Select(s => (JsonNode)FakeKotakRows.Row(order, s)).ToArray();
            return WriteAsync(c, 200, new JsonObject { ["stat"] = "Ok", ["stCode"] = 200, ["data"] = new JsonArray(states) });
        }));
        app.MapGet("/quick/user/trades", context => WithSessionAsync(context, () => Rows(Exchange.Trades().Select(t => FakeKotakRows.Trade(t, TradeRowsCarryTag)), "ok")));
    }

    /// <summary>A list answer; an empty one is Kotak's "No Data" error, as seen for an empty order book.</summary>
    private static (int, JsonNode) Rows(IEnumerable<JsonObject> rows, string stat)
    {
        var array = new JsonArray(rows.Select(static r => (JsonNode)r).ToArray());
        return array.Count == 0
            ? (200, new JsonObject { ["stCode"] = 5203, ["errMsg"] = "No Data", ["desc"] = "data not found", ["stat"] = "Not_Ok" })
            : (200, new JsonObject { ["stat"] = stat, ["stCode"] = 200, ["data"] = array });
    }

    private async Task WithSessionAsync(HttpContext context, Func<(int Status, JsonNode Body)> answer)
    {
        if (!HasSession(context))
        {
            await RefuseSessionAsync(context);
            return;
        }

        var (status, body) = answer();
        await WriteAsync(context, status, body);
    }
}
