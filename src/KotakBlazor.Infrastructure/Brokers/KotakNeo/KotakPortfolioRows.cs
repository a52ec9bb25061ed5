using System.Globalization;
using System.Text.Json;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Instruments;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>Reads positions, holdings, limits, check-margin and quote answers into our types, tolerating strings for numbers and missing fields.</summary>
public static class KotakPortfolioRows
{
    /// <summary>
    /// A positions row: quantities are carried forward plus today (<c>cfBuyQty + flBuyQty</c>), amounts
    /// likewise (<c>cfBuyAmt</c> is valued at the previous close, which makes the P&amp;L the broker's MTM),
    /// and the multiplier is Kotak's <c>multiplier x genNum/genDen x prcNum/prcDen</c>. Null when unidentifiable.
    /// </summary>
    public static BrokerPosition? Position(JsonElement row)
    {
        if (KotakOrderRows.Instrument(row) is not { } instrument)
        {
            return null;
        }

        return new BrokerPosition(
            instrument,
            KotakJson.FirstText(row, "trdSym", "sym") ?? "",
            KotakWireWords.ParseProduct(KotakJson.Text(row, "prod")),
            (KotakJson.Int(row, "cfBuyQty") ?? 0) + (KotakJson.Int(row, "flBuyQty") ?? 0),
            (KotakJson.Int(row, "cfSellQty") ?? 0) + (KotakJson.Int(row, "flSellQty") ?? 0),
            (KotakJson.Decimal(row, "cfBuyAmt") ?? 0m) + (KotakJson.Decimal(row, "buyAmt") ?? 0m),
            (KotakJson.Decimal(row, "cfSellAmt") ?? 0m) + (KotakJson.Decimal(row, "sellAmt") ?? 0m),
            Multiplier(row));
    }

    /// <summary>Kotak's scaling factor: <c>multiplier x (genNum / genDen) x (prcNum / prcDen)</c>, each part 1 when missing or zero.</summary>
    public static decimal Multiplier(JsonElement row) =>
        Factor(row, "multiplier") * (Factor(row, "genNum") / Factor(row, "genDen")) * (Factor(row, "prcNum") / Factor(row, "prcDen"));

    /// <summary>
    /// A holdings row. The instrument is <c>exchangeSegment</c> + <c>exchangeIdentifier</c> (the scrip token);
    /// <c>instrumentToken</c> is a different number. Null when unidentifiable.
    /// </summary>
    public static BrokerHolding? Holding(JsonElement row)
    {
        if (KotakOrderRows.Instrument(row, "exchangeSegment", "exchangeIdentifier") is not { } instrument)
        {
            return null;
        }

        return new BrokerHolding(
            instrument,
            KotakJson.FirstText(row, "displaySymbol", "symbol") ?? "",
            (int)decimal.Truncate(KotakJson.Decimal(row, "quantity") ?? 0m),
            KotakJson.Decimal(row, "averagePrice") ?? 0m,
            KotakJson.Decimal(row, "closingPrice") ?? 0m);
    }

    /// <summary>The limits answer (a flat object): <c>Net</c>, <c>MarginUsed</c>, <c>CollateralValue</c>.</summary>
    public static BrokerFunds Funds(JsonElement body)
    {
        var limits = KotakJson.Data(body) is { ValueKind: JsonValueKind.Object } data ? data : body;
        return new BrokerFunds(
            KotakJson.Decimal(limits, "Net") ?? 0m,
            KotakJson.Decimal(limits, "MarginUsed") ?? KotakJson.Decimal(limits, "MarginUsedPrsnt") ?? 0m,
            KotakJson.Decimal(limits, "CollateralValue") ?? KotakJson.Decimal(limits, "Collateral") ?? 0m);
    }

    /// <summary>
    /// The check-margin answer. Required is the order's margin (<c>ordMrgn</c>); available is the cash less
    /// the margin already in use (<c>avlCash - mrgnUsd</c>, which is the limits call's <c>Net</c>).
    /// </summary>
    public static MarginEstimate Margin(JsonElement body)
    {
        var margin = KotakJson.Data(body) is { ValueKind: JsonValueKind.Object } data ? data : body;
        var required = KotakJson.Decimal(margin, "ordMrgn") ?? KotakJson.Decimal(margin, "reqdMrgn") ?? 0m;
        var cash = KotakJson.Decimal(margin, "avlCash") ?? 0m;
        var used = KotakJson.Decimal(margin, "mrgnUsd") ?? 0m;
        var available = cash - used;
        var shortfall = KotakJson.Decimal(margin, "insufFund") ?? 0m;
        var verdict = KotakJson.Text(margin, "rmsVldtd") ?? "not given";
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"Kotak Neo: this order needs {required:0.00}; cash {cash:0.00} less margin in use {used:0.00} leaves {available:0.00}; RMS check: {verdict}")
            + (shortfall > 0 ? string.Create(CultureInfo.InvariantCulture, $"; short by {shortfall:0.00}") : "");
        return new MarginEstimate(required, available, explanation);
    }

    /// <summary>A quotes row; null when unidentifiable.</summary>
    public static KotakQuote? Quote(JsonElement row)
    {
        if (KotakOrderRows.Instrument(row, "exchange", "exchange_token") is not { Token: > 0 } instrument)
        {
            return null;
        }

        var ohlc = row.TryGetProperty("ohlc", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        return new KotakQuote(
            instrument,
            KotakJson.Text(row, "display_symbol"),
            KotakJson.Decimal(row, "ltp") ?? 0m,
            KotakJson.Long(row, "last_traded_quantity") ?? 0,
            KotakJson.Long(row, "last_volume") ?? 0,
            KotakJson.Long(row, "open_int") ?? 0,
            KotakJson.Decimal(ohlc, "open") ?? 0m,
            KotakJson.Decimal(ohlc, "high") ?? 0m,
            KotakJson.Decimal(ohlc, "low") ?? 0m,
            KotakJson.Decimal(ohlc, "close") ?? 0m,
            BestOf(row, "buy"),
            BestOf(row, "sell"),
            KotakTimes.ParseEpoch(KotakJson.Long(row, "lstup_time")));
    }

    private static decimal BestOf(JsonElement row, string side)
    {
        if (row.TryGetProperty("depth", out var depth) && depth.ValueKind == JsonValueKind.Object
            && depth.TryGetProperty(side, out var levels) && levels.ValueKind == JsonValueKind.Array)
        {
            foreach (var level in levels.EnumerateArray())
            {
                if (KotakJson.Decimal(level, "price") is > 0m and var price)
                {
                    return price;
                }
            }
        }

        return 0m;
    }

    private static decimal Factor(JsonElement row, string name) => KotakJson.Decimal(row, name) is { } value && value != 0m ? value : 1m;
}
