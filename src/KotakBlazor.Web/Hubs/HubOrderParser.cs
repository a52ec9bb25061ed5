using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Trading;

namespace KotakBlazor.Web.Hubs;

/// <summary>Reads a hub client's order in Kotak's words (BUY/SELL, MKT/L/SL/SL-M, NRML/MIS/CNC), with a clear message for anything it cannot read.</summary>
internal static class HubOrderParser
{
    public static bool TryParse(PlaceOrderMessage message, IInstrumentCatalog catalog, out OrderTicket ticket, out string? problem)
    {
        ticket = null!;
        problem = null;
        Instrument? instrument = null;
        if (message.Instrument is { } name && InstrumentId.TryParse(name, out var id) && catalog.TryGet(id, out var byId))
        {
            instrument = byId;
        }
        else if (message.Instrument is { } symbol && catalog.TryGetBySymbol(symbol.Trim(), out var bySymbol))
        {
            instrument = bySymbol;
        }

        if (instrument is null)
        {
            problem = $"Unknown instrument '{message.Instrument}'. Use a trading symbol such as 'RELIANCE-EQ' or an id such as 'nse_cm|2885'. Nothing was placed.";
            return false;
        }

        OrderSide? side = message.Side?.Trim().ToUpperInvariant() switch { "BUY" or "B" => OrderSide.Buy, "SELL" or "S" => OrderSide.Sell, _ => null };
        OrderType? type = message.Type?.Trim().ToUpperInvariant() switch
        {
            "MKT" or "MARKET" => OrderType.Market,
            "L" or "LIMIT" => OrderType.Limit,
            "SL" => OrderType.StopLoss,
            "SL-M" or "SLM" => OrderType.StopLossMarket,
            _ => null,
        };
        ProductType? product = message.Product?.Trim().ToUpperInvariant() switch { "NRML" => ProductType.Nrml, "MIS" => ProductType.Mis, "CNC" => ProductType.Cnc, _ => null };
        var problems = new List<string>();
        if (side is null)
        {
            problems.Add($"side '{message.Side}' must be BUY or SELL");
        }

        if (type is null)
        {
            problems.Add($"type '{message.Type}' must be MKT, L, SL or SL-M");
        }

        if (product is null)
        {
            problems.Add($"product '{message.Product}' must be NRML, MIS or CNC");
        }

        if (problems.Count > 0)
        {
            problem = "Cannot read the order: " + string.Join("; ", problems) + ". Nothing was placed.";
            return false;
        }

        ticket = new OrderTicket(instrument.Id, side!.Value, message.Quantity, type!.Value, product!.Value, message.Price, message.TriggerPrice);
        return true;
    }
}
