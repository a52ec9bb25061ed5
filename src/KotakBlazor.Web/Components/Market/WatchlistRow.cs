using System.Globalization;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.MarketData;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Components.Market;

/// <summary>One watchlist line, formatted once per change rather than on every render.</summary>
internal sealed class WatchlistRow(InstrumentId instrument, string symbol, string description, int priceDecimals)
{
    private static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");
    private bool _flashToggle;

    public InstrumentId Instrument { get; } = instrument;

    public string Symbol { get; } = symbol;

    public string Description { get; } = description;

    public string LastPrice { get; private set; } = "–";

    public string Change { get; private set; } = "";

    public string ChangePercent { get; private set; } = "";

    public string Volume { get; private set; } = "";

    public string Time { get; private set; } = "";

    public string DirectionClass { get; private set; } = "";

    /// <summary>Alternates between two equal animations so each new price restarts the flash.</summary>
    public string FlashClass { get; private set; } = "";

    /// <summary>When the shown tick was made (Unix ms), for measuring tick-to-screen delay.</summary>
    public long TickUnixMs { get; private set; }

    // Built once per row: Apply runs for every coalesced tick.
    private readonly string _priceFormat = "N" + priceDecimals.ToString(CultureInfo.InvariantCulture);
    private readonly string _signedFormat = priceDecimals == 0
        ? "+#,##0;-#,##0;0"
        : "+#,##0." + new string('0', priceDecimals) + ";-#,##0." + new string('0', priceDecimals) + ";0";

    private decimal _lastPrice;

    public void Apply(in Tick tick, bool flash = true)
    {
        if (flash && _lastPrice != 0 && tick.LastPrice != _lastPrice)
        {
            _flashToggle = !_flashToggle;
            FlashClass = (tick.LastPrice > _lastPrice ? "flash-up" : "flash-down") + (_flashToggle ? "-a" : "-b");
        }

        _lastPrice = tick.LastPrice;
        LastPrice = tick.LastPrice.ToString(_priceFormat, India);
        Change = tick.PreviousClose > 0 ? tick.Change.ToString(_signedFormat, India) : "";
        ChangePercent = tick.PreviousClose > 0 ? tick.ChangePercent.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "";
        Volume = tick.Volume > 0 ? tick.Volume.ToString("N0", India) : "";
        Time = IndianMarketTime.ToIst(tick.ExchangeTime).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        DirectionClass = tick.Change > 0 ? "up" : tick.Change < 0 ? "down" : "";
        TickUnixMs = tick.ExchangeTime.ToUnixTimeMilliseconds();
    }
}
