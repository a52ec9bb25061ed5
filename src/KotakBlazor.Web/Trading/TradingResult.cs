namespace KotakBlazor.Web.Trading;

/// <summary>The outcome of an action on the trading desk: done, or the reasons it was refused.</summary>
public sealed record TradingResult(bool Succeeded, string Message)
{
    public static TradingResult Done(string message) => new(true, message);

    public static TradingResult Refused(string message) => new(false, message);
}
