namespace KotakBlazor.Infrastructure.Tests.KotakNeo.ScripMaster;

/// <summary>
/// Scrip-master CSV in Kotak's real shape (KOTAK_NEO_WIRE.md section 4): the 79-column nse_fo
/// header verbatim, trailing spaces and <c>dStrikePrice;</c> included, and rows built by column
/// name with every other column empty.
/// </summary>
internal static class ScripMasterCsvSamples
{
    public const string NseFoHeader =
        "pSymbol,pGroup,pExchSeg,pInstType,pSymbolName,pTrdSymbol,pOptionType,pScripRefKey,pISIN,pAssetCode,pSubGroup,pCombinedSymbol,pDesc,pAmcCode,pContractId,dTickSize ,lLotSize,lExpiryDate ,lMultiplier ,lPrecision,dStrikePrice;,pExchange,pInstName,pExpiryDate,pIssueDate,pMaturityDate,pListingDate,pNoDelStartDate,pNoDelEndDate,pBookClsStartDate,pBookClsEndDate,pRecordDate,pCreditRating,pReAdminDate,pExpulsionDate,pLocalUpdateTime,pDeliveryUnits,pPriceUnits,pLastTradingDate,pTenderPeridEndDate,pTenderPeridStartDate,pSellVarMargin,pBuyVarMargin,pInstrumentInfo,pRemarksText,pSegment,pNav,pNavDate,pMfAmt,pSipSecurity,pFaceValue,pTrdUnits,pExerciseStartDate,pExerciseEndDate,pElmMargin,pVarMargin,pTotProposedLimitValue,pScripBasePrice,pSettlementType,pCurrectionTime,iPermittedToTrade,iBoardLotQty ,iMaxOrderSize ,iLotSize,dOpenInterest ,dHighPriceRange ,dLowPriceRange ,dPriceNum   ,dGenDen,dGenNum,dPriceQuatation ,dIssuerate ,dPriceDen,dWarningQty ,dIssueCapital ,dExposureMargin ,dMinRedemptionQty ,lFreezeQty,CASEligible";

    /// <summary>No source shows the cash header; the nse_fo header without <c>CASEligible</c> is the documented guess.</summary>
    public static readonly string NseCmHeader = NseFoHeader[..NseFoHeader.LastIndexOf(',')];

    /// <summary>NIFTY weekly put expiring Tue 22 Sep 2026, the row Kotak's live file was seen to carry (token 56526).</summary>
    public static readonly string NiftyWeeklyPut = Row(NseFoHeader,
        ("pSymbol", "56526"), ("pExchSeg", "nse_fo"), ("pInstType", "OPTIDX"), ("pSymbolName", "NIFTY"), ("pTrdSymbol", "NIFTY2692221000PE"),
        ("pOptionType", "PE"), ("pScripRefKey", "NIFTY22SEP2621000.00PE"), ("pAssetCode", "26000"), ("dTickSize", "5"), ("lLotSize", "65"),
        ("lExpiryDate", "1474554600"), ("lMultiplier", "1"), ("lPrecision", "2"), ("dStrikePrice;", "2.1e+06"), ("pExchange", "NSE"),
        ("pInstName", "OPTIDX"), ("iMaxOrderSize", "1801.00"), ("iLotSize", "65"), ("lFreezeQty", "1801"));

    /// <summary>FINNIFTY monthly call, Tue 29 Sep 2026 (1475159400 = 2026-09-29 14:30 IST counted from 1980).</summary>
    public static readonly string FinniftyMonthlyCall = Row(NseFoHeader,
        ("pSymbol", "61234"), ("pExchSeg", "nse_fo"), ("pInstType", "OPTIDX"), ("pSymbolName", "FINNIFTY"), ("pTrdSymbol", "FINNIFTY26SEP26000CE"),
        ("pOptionType", "CE"), ("dTickSize", "5"), ("lLotSize", "60"), ("lExpiryDate", "1475159400"), ("dStrikePrice;", "2600000"),
        ("lFreezeQty", "1800"));

    public static readonly string NiftyFuture = Row(NseFoHeader,
        ("pSymbol", "52001"), ("pExchSeg", "nse_fo"), ("pInstType", "FUTIDX"), ("pSymbolName", "NIFTY"), ("pTrdSymbol", "NIFTY26SEPFUT"),
        ("pOptionType", "XX"), ("dTickSize", "10"), ("lLotSize", "65"), ("lExpiryDate", "1475159400"), ("dStrikePrice;", "-1"), ("lFreezeQty", "1801"));

    public static readonly string RelianceCall = Row(NseFoHeader,
        ("pSymbol", "70001"), ("pExchSeg", "nse_fo"), ("pInstType", "OPTSTK"), ("pSymbolName", "RELIANCE"), ("pTrdSymbol", "RELIANCE26SEP1400CE"),
        ("pOptionType", "CE"), ("dTickSize", "5"), ("lLotSize", "500"), ("lExpiryDate", "1475159400"), ("dStrikePrice;", "140000.000000"),
        ("lFreezeQty", "30000.00"));

    /// <summary>SENSEX weekly call on BSE, Thu 24 Sep 2026 14:30 IST as plain Unix seconds: no 1980 offset.</summary>
    public static readonly string SensexWeeklyCall = Row(NseFoHeader,
        ("pSymbol", "1130001"), ("pExchSeg", "bse_fo"), ("pInstType", "OPTIDX"), ("pSymbolName", "SENSEX"), ("pTrdSymbol", "SENSEX2692480000CE"),
        ("pOptionType", "CE"), ("dTickSize", "5"), ("lLotSize", "20"), ("lExpiryDate", "1790240400"), ("dStrikePrice;", "8e+06"), ("lFreezeQty", "1000"));

    public static readonly string RelianceEquity = Row(NseCmHeader,
        ("pSymbol", "2885"), ("pGroup", "EQ"), ("pExchSeg", "nse_cm"), ("pSymbolName", "RELIANCE"), ("pTrdSymbol", "RELIANCE-EQ"),
        ("pDesc", "RELIANCE INDUSTRIES LTD"), ("dTickSize", "10"), ("lLotSize", "1"), ("lExpiryDate", "-1"), ("dStrikePrice;", "-1"),
        ("pSegment", "CASH"), ("lFreezeQty", ""));

    /// <summary>A description with a comma, quoted as CSV quotes it.</summary>
    public static readonly string TataSteelEquity = Row(NseCmHeader,
        ("pSymbol", "3499"), ("pGroup", "EQ"), ("pExchSeg", "nse_cm"), ("pSymbolName", "TATASTEEL"), ("pTrdSymbol", "TATASTEEL-EQ"),
        ("pDesc", "\"TATA STEEL, LIMITED\""), ("dTickSize", "1"), ("lLotSize", "1"), ("lExpiryDate", "-1"), ("dStrikePrice;", "-1"));

    public static readonly string Nifty50Index = Row(NseCmHeader,
        ("pSymbol", "26000"), ("pExchSeg", "nse_cm"), ("pInstType", "INDEX"), ("pSymbolName", "NIFTY 50"), ("pTrdSymbol", "Nifty 50"),
        ("dTickSize", "1"), ("lLotSize", "1"), ("lExpiryDate", "-1"), ("dStrikePrice;", "-1"));

    public static readonly string FinNiftyIndex = Row(NseCmHeader,
        ("pSymbol", "26037"), ("pExchSeg", "nse_cm"), ("pInstType", "INDEX"), ("pSymbolName", "NIFTY FIN SERVICE"), ("pTrdSymbol", "Nifty Fin Service"),
        ("dTickSize", "1"), ("lLotSize", "1"), ("lExpiryDate", "-1"), ("dStrikePrice;", "-1"));

    public static string File(string header, params string[] rows) => string.Join("\r\n", [header, .. rows]) + "\r\n";

    /// <summary>A row of <paramref name="header"/> with the named columns set (names matched after trimming) and the rest empty.</summary>
    public static string Row(string header, params (string Column, string Value)[] values)
    {
        var names = header.Split(',').Select(n => n.Trim()).ToList();
        var fields = new string[names.Count];
        Array.Fill(fields, string.Empty);
        foreach (var (column, value) in values)
        {
            var index = names.IndexOf(column);
            if (index < 0)
            {
                throw new ArgumentException($"No column {column} in the header.", nameof(values));
            }

            fields[index] = value;
        }

        return string.Join(',', fields);
    }

    /// <summary><paramref name="row"/> with one column changed.</summary>
    public static string With(string header, string row, string column, string value)
    {
        var index = header.Split(',').Select(n => n.Trim()).ToList().IndexOf(column);
        var fields = row.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }
}
