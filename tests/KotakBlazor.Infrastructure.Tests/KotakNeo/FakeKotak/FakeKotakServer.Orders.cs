using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KotakBlazor.Core.Instruments;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>
/// Place, modify and cancel, strict about the request the way the docs describe Kotak: a form with one
/// <c>jData</c> field, every value a string, no "0.0" numbers, a tag (<c>ig</c>) used once a day.
/// Business errors come back as HTTP 200 with <c>stCode</c> and <c>errMsg</c>.
/// </summary>
internal sealed partial class FakeKotakServer
{
    private static readonly string[] PlaceFields = ["am", "dq", "es", "mp", "pc", "pr", "pt", "qt", "rt", "tp", "ts", "tt"];

    private void MapOrderRoutes(WebApplication app)
    {
        app.MapPost("/quick/order/rule/ms/place", context => WithJDataAsync(context, PlaceFields, PlaceAsync));
        app.MapPost("/quick/order/vr/modify", context => WithJDataAsync(context, ["no", "pr", "pt", "qt", "vd", "tp", "am"], ModifyAsync));
        app.MapPost("/quick/order/cancel", context => WithJDataAsync(context, ["on", "am"], CancelAsync));
    }

    private async Task PlaceAsync(HttpContext context, Dictionary<string, string> j)
    {
        var instrument = Exchange.Find(j["ts"]);
        if (instrument is null || !string.Equals(instrument.Id.Segment.ToWireName(), j["es"], StringComparison.Ordinal))
        {
            await BusinessErrorAsync(context, 1009, "Invalid instrument: trading symbol not found in segment");
            return;
        }

        if (j.TryGetValue("ig", out var tag) && tag.Length > 0 && Exchange.TagUsed(tag))
        {
            // Kotak refuses a tag that is not unique; the code and words here are the fake's own (no source shows them).
            await BusinessErrorAsync(context, 1007, $"Order tag (ig) {tag} is already used today");
            return;
        }

        if (!int.TryParse(j["qt"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
        {
            await BusinessErrorAsync(context, 1009, "Invalid quantity");
            return;
        }

        var order = Exchange.Place(new FakeOrder
        {
            Id = Exchange.NextOrderNumber(),
            Tag = string.IsNullOrEmpty(tag) ? null : tag,
            Instrument = instrument,
            Side = j["tt"],
            PriceType = j["pt"],
            Product = j["pc"],
            Validity = j["rt"],
            AfterMarket = j["am"] == "YES",
            Quantity = quantity,
            Price = Decimal(j["pr"]),
            TriggerPrice = Decimal(j["tp"]),
            PlacedAt = Time.GetUtcNow(),
        });
        await WriteAsync(context, 200, new JsonObject { ["nOrdNo"] = order.Id, ["stat"] = "Ok", ["stCode"] = 200 });
    }

    private async Task ModifyAsync(HttpContext context, Dictionary<string, string> j)
    {
        if (await WorkingOrderAsync(context, j["no"]) is not { } order)
        {
            return;
        }

        Exchange.Modify(order, int.Parse(j["qt"], CultureInfo.InvariantCulture), j["pt"], Decimal(j["pr"]), Decimal(j["tp"]));
        await WriteAsync(context, 200, new JsonObject { ["nOrdNo"] = order.Id, ["stat"] = "Ok", ["stCode"] = 200 });
    }

    private async Task CancelAsync(HttpContext context, Dictionary<string, string> j)
    {
        if (await WorkingOrderAsync(context, j["on"]) is not { } order)
        {
            return;
        }

        Exchange.Cancel(order);
        await WriteAsync(context, 200, new JsonObject { ["nOrdNo"] = order.Id, ["stat"] = "Ok", ["stCode"] = 200 });
    }

    private async Task<FakeOrder?> WorkingOrderAsync(HttpContext context, string orderId)
    {
        var order = Exchange.Order(orderId);
        if (order is null)
        {
            await BusinessErrorAsync(context, 1006, "Order not found");
            return null;
        }

        if (order.IsFinal)
        {
            await WriteAsync(context, 200, new JsonObject { ["stCode"] = 1021, ["errMsg"] = $"order is {(order.State == "complete" ? "completed" : order.State)}", ["stat"] = "please provide valid order number" });
            return null;
        }

        return order;
    }

    /// <summary>Checks the session and the jData form, then runs the handler with jData's fields.</summary>
    private async Task WithJDataAsync(HttpContext context, string[] required, Func<HttpContext, Dictionary<string, string>, Task> handler)
    {
        if (!HasSession(context))
        {
            await RefuseSessionAsync(context);
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await BusinessErrorAsync(context, 1007, "Request body must be application/x-www-form-urlencoded with jData");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = ParseJData(form["jData"].FirstOrDefault(), out var problem);
        if (fields is null)
        {
            await BusinessErrorAsync(context, 1007, problem!);
            return;
        }

        var missing = required.FirstOrDefault(f => !fields.ContainsKey(f));
        if (missing is not null)
        {
            await BusinessErrorAsync(context, 1007, $"Missing field '{missing}' in jData");
            return;
        }

        await handler(context, fields);
    }

    /// <summary>jData's fields when every value is a string and no number is written "0.0"-style; null with the problem otherwise.</summary>
    internal static Dictionary<string, string>? ParseJData(string? jData, out string? problem)
    {
        problem = null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(jData ?? "");
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            problem = "jData is not valid JSON";
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "jData must be a JSON object";
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                problem = $"Invalid value for '{property.Name}': every value must be a string";
                return null;
            }

            var value = property.Value.GetString()!;
            if (Regex.IsMatch(value, @"^-?\d+\.0+$"))
            {
                problem = $"Invalid number format for '{property.Name}': {value}";
                return null;
            }

            fields[property.Name] = value;
        }

        return fields;
    }

    private static Task BusinessErrorAsync(HttpContext context, int code, string message) =>
        WriteAsync(context, 200, new JsonObject { ["stat"] = "Not_Ok", ["errMsg"] = message, ["stCode"] = code });

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
