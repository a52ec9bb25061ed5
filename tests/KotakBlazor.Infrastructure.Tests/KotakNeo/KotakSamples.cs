namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>
/// Answers as Kotak documents them (SDK v3 docs' "real API response" samples and the wire notes), types
/// kept: numbers where Kotak sends numbers, strings where it sends strings.
/// </summary>
internal static class KotakSamples
{
    public const string OrderBook = """
        {"stat":"Ok","data":[{"actId":"","algId":"NA","avgPrc":"0.00","brdLtQty":"1","cnlQty":0,"exCfmTm":"22-Jan-2025 14:28:01",
        "exOrdId":"1100000059569867","exSeg":"nse_cm","fldQty":0,"boeSec":1737536281,"nOrdNo":"250122000612876","ordDtTm":"22-Jan-2025 14:28:01",
        "ordGenTp":"NA","prod":"NRML","prc":"9.39","prcTp":"L","qty":1,"rejRsn":"--","stat":"open","ordSt":"open","sym":"IDEA","tckSz":"0.0100",
        "tok":"14366","trnsTp":"B","trgPrc":"0.00","trdSym":"IDEA-EQ","unFldSz":1,"vldt":"DAY","genDen":"1","genNum":"1","prcNum":"1","prcDen":"1",
        "lotSz":"1","multiplier":"1","precision":"2","hsUpTm":"2025/01/22 14:28:01","GuiOrdId":"","updRecvTm":1737536281933015920,"it":"EQ"}],"stCode":200}
        """;

    /// <summary>The SDK wraps the history answer once more in <c>data</c>; rows come newest first.</summary>
    public const string OrderHistory = """
        {"data":{"stat":"Ok","stCode":200,"data":[
        {"trdSym":"IDEA-EQ","prc":"9.39","qty":1,"ordSt":"complete","trnsTp":"B","prcTp":"L","exSeg":"nse_cm","tok":"14366","nOrdNo":"250122000624384","avgPrc":"9.39","trgPrc":"0.00","rejRsn":"--","prod":"NRML","flDtTm":"22-Jan-2025 14: 33: 01","fldQty":1,"unFldSz":0,"GuiOrdId":"","updRecvTm":1737536606366027474},
        {"trdSym":"IDEA-EQ","prc":"9.39","qty":1,"ordSt":"open","trnsTp":"B","prcTp":"L","exSeg":"nse_cm","tok":"14366","nOrdNo":"250122000624384","avgPrc":"0.00","trgPrc":"0.00","rejRsn":"--","prod":"NRML","flDtTm":"22-Jan-2025 14: 32: 53","fldQty":0,"unFldSz":1,"GuiOrdId":"","updRecvTm":1737536606366114068},
        {"trdSym":"IDEA-EQ","prc":"9.39","qty":1,"ordSt":"open pending","trnsTp":"B","prcTp":"L","exSeg":"nse_cm","tok":"14366","nOrdNo":"250122000624384","avgPrc":"0.00","trgPrc":"0.00","rejRsn":"--","prod":"NRML","flDtTm":"22-Jan-2025 14: 32: 53","fldQty":0,"unFldSz":1,"GuiOrdId":"","updRecvTm":1737536606366181251},
        {"trdSym":"IDEA-EQ","prc":"9.39","qty":1,"ordSt":"validation pending","trnsTp":"B","prcTp":"L","exSeg":"nse_cm","tok":"14366","nOrdNo":"250122000624384","avgPrc":"0.00","trgPrc":"0.00","rejRsn":"--","prod":"NRML","flDtTm":"22-Jan-2025 14: 32: 53","fldQty":0,"unFldSz":1,"GuiOrdId":"","updRecvTm":1737536606366256162},
        {"trdSym":"IDEA-EQ","prc":"9.39","qty":1,"ordSt":"put order req received","trnsTp":"B","prcTp":"L","exSeg":"nse_cm","tok":"14366","nOrdNo":"250122000624384","avgPrc":"0.00","trgPrc":"0.00","rejRsn":"--","prod":"NRML","flDtTm":"22-Jan-2025 14: 32: 53","fldQty":0,"unFldSz":1,"GuiOrdId":"","updRecvTm":1737536606366304511}]}}
        """;

    public const string TradeBook = """
        {"stat":"ok","stCode":200,"data":[{"actId":"","algCat":"NA","avgPrc":"9.39","boeSec":1737536296,"brdLtQty":1,"exOrdId":"1100000059569867",
        "exSeg":"nse_cm","exTm":"22-Jan-2025 14:28:01","fldQty":1,"flDt":"22-Jan-2025","flId":"207983744","flLeg":1,"flTm":"14:28:16",
        "nOrdNo":"250122000612876","prcTp":"L","prod":"NRML","rptTp":"fill","sym":"IDEA","trdSym":"IDEA-EQ","trnsTp":"B","genDen":"1","genNum":"1",
        "hsUpTm":"2025/01/22 14:28:16","GuiOrdId":"","lotSz":"1","multiplier":"1","prcNum":"1","prcDen":"1","precision":"2","tok":"",
        "updRecvTm":1737536296355319176,"prc":"","qty":0}]}
        """;

    public const string Positions = """
        {"stat":"ok","stCode":200,"data":[{"actId":"ABCXYZ61","brdLtQty":225,"cfBuyAmt":"0.00","cfSellAmt":"0.00","cfBuyQty":"0","cfSellQty":"0",
        "exSeg":"nse_fo","buyAmt":"475200.00","sellAmt":"0.00","flBuyQty":"225","flSellQty":"0","prod":"NRML","tok":"61304","trdSym":"TCS26JULFUT",
        "type":"FUTSTK","sym":"TCS","lotSz":"225","multiplier":"1","precision":"2","prcNum":"1","prcDen":"1","expDt":"28 Jul, 2026","genNum":"1",
        "genDen":"1","ltp":"2117.00"}]}
        """;

    public const string Holdings = """
        {"data":[{"displaySymbol":"IDEA","averagePrice":9.5699,"quantity":35,"exchangeSegment":"nse_cm","exchangeIdentifier":"14366","holdingCost":334.9475,
        "mktValue":327.6,"scripId":"746a0ebbc6295a002ab27e42a3e06a6792baeba1","instrumentToken":8658,"instrumentType":"Equity","isAlternateScrip":false,
        "closingPrice":9.36,"symbol":"IDEA","sellableQuantity":35}]}
        """;

    public const string Limits = """
        {"Category":"CLIENT_SPECIAL","CollateralValue":"38.19","Collateral":"0","MarginUsed":"18.78","RmsPayInAmt":"0","RmsPayOutAmt":"0",
        "Net":"19.409999999999997","CashUnRlsMtomPrsnt":"-0.24","stCode":200,"stat":"Ok"}
        """;

    public const string Margin = """
        {"data":{"avlCash":"38.190000","totMrgnUsd":"34.280000","mrgnUsd":"18.780000","ordMrgn":"15.500000","rmsVldtd":"OK","reqdMrgn":"0.000000",
        "avlMrgn":"0.000000","insufFund":"0.000000","stat":"Ok","stCode":200}}
        """;

    public const string Quotes = """
        [{"exchange_token":"1333","display_symbol":"HDFCBANK-EQ","exchange":"nse_cm","lstup_time":"1782374657","ltp":"801.6000","last_traded_quantity":"550",
        "total_buy":"907335","total_sell":"2883870","last_volume":"30043533","avg_cost":"799.8900","open_int":"0","change":"8.4000","per_change":"1.0600",
        "ohlc":{"open":"798.5000","high":"804.4500","low":"796.0000","close":"793.2000"},
        "depth":{"buy":[{"price":"801.6000","quantity":"1733","orders":"4"},{"price":"801.5500","quantity":"490","orders":"1"}],
        "sell":[{"price":"801.6500","quantity":"550","orders":"1"},{"price":"801.7500","quantity":"4383","orders":"10"}]}}]
        """;
}
