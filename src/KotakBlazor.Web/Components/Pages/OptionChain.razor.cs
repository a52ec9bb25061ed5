using System.Globalization;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Market;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// One underlying's option chain for one expiry: calls | strike | puts with LTP, IV, delta, OI and
/// change in OI, the ATM row highlighted and scrolled to, PCR and max pain on top. Rebuilt once a
/// second (the chain service shares one build per second among all pages).
/// </summary>
public sealed partial class OptionChain : IAsyncDisposable
{
    private static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private OptionUnderlying? _underlying;
    private DateOnly _expiry;
    private OptionChainSnapshot? _chain;
    private string _pcr = "–";
    private string _maxPain = "–";
    private ElementReference _scroll;
    private IJSObjectReference? _module;
    private bool _scrollPending = true;
    private bool _live;

    [Inject]
    private OptionChains Chains { get; set; } = default!;

    [Inject]
    private IOptions<OptionChainOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<OptionChain> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        _underlying = Chains.Underlyings.FirstOrDefault();
        _expiry = NearestExpiry(_underlying);
        Rebuild();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender && _underlying is not null)
            {
                _module = await Js.InvokeAsync<IJSObjectReference>("import", _stop.Token, "./js/optionChain.js");
                _live = true;
                _ = RefreshAsync(_stop.Token);
                StateHasChanged();
                return;
            }

            if (_scrollPending && _module is not null && _chain is { AtmIndex: >= 0 })
            {
                _scrollPending = !await _module.InvokeAsync<bool>("scrollRowIntoView", _stop.Token, _scroll, "tr.kb-atm");
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser went away.
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
        catch (JSException ex)
        {
            Logger.LogWarning(ex, "Could not scroll the option chain to the ATM strike");
            _scrollPending = false;
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    Rebuild();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private void Rebuild()
    {
        if (_underlying is null)
        {
            return;
        }

        try
        {
            _chain = Chains.Build(_underlying, _expiry);
        }
        catch (ArgumentException ex)
        {
            Logger.LogWarning(ex, "Option chain of {Underlying} {Expiry} could not be built", _underlying.Name, _expiry);
            _chain = null;
        }

        if (_chain is null)
        {
            _pcr = _maxPain = "–";
            return;
        }

        _pcr = PutCallRatio.ByOpenInterest(_chain).Value is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "–";
        _maxPain = MaxPain.Find(_chain) is { } pain ? Strike(pain.Strike) : "–";
    }

    private void OnUnderlyingChanged(ChangeEventArgs e)
    {
        var chosen = Chains.Underlyings.FirstOrDefault(u => u.Name == e.Value as string);
        if (chosen is null)
        {
            return;
        }

        _underlying = chosen;
        _expiry = NearestExpiry(chosen);
        _scrollPending = true;
        Rebuild();
    }

    private void OnExpiryChanged(ChangeEventArgs e)
    {
        if (DateOnly.TryParseExact(e.Value as string, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            && _underlying is not null && _underlying.Expiries.Contains(expiry))
        {
            _expiry = expiry;
            _scrollPending = true;
            Rebuild();
        }
    }

    // The nearest expiry that has not closed yet.
    private DateOnly NearestExpiry(OptionUnderlying? underlying)
    {
        if (underlying is null || underlying.Expiries.Count == 0)
        {
            return default;
        }

        var now = Time.GetUtcNow();
        return underlying.Expiries.FirstOrDefault(e => OptionChainBuilder.YearsToExpiry(e, now) > 0, underlying.Expiries[^1]);
    }

    private string ToExpiry()
    {
        if (_underlying is null || _expiry == default)
        {
            return "–";
        }

        var days = OptionChainBuilder.YearsToExpiry(_expiry, Time.GetUtcNow()) * OptionGreeks.CalendarDaysPerYear;
        return days <= 0 ? "expired" : days.ToString("0.0", CultureInfo.InvariantCulture) + " days";
    }

    private static string ExpiryText(DateOnly expiry) => expiry.ToString("ddd dd MMM yyyy", CultureInfo.InvariantCulture);

    private static string Price(decimal price) => price.ToString("N2", India);

    private static string Strike(decimal strike) => strike.ToString("#,##0.##", India);

    private static string LastPrice(OptionQuote? quote) => quote is { HasTicked: true } ? Price(quote.LastPrice) : "–";

    private static string Volatility(OptionQuote? quote) =>
        quote?.ImpliedVolatility is { } iv ? (iv * 100).ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Delta(OptionQuote? quote) =>
        quote?.Delta is { } delta ? delta.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string OpenInterest(OptionQuote? quote) =>
        quote is { HasTicked: true } ? quote.OpenInterest.ToString("N0", India) : "–";

    private static string OpenInterestChange(OptionQuote? quote) =>
        quote?.ChangeInOpenInterest is { } change ? change.ToString("+#,##0;-#,##0;0", India) : "–";

    private static string Direction(long? change) => change switch
    {
        > 0 => "up",
        < 0 => "down",
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // Nothing left to clean up in the browser.
            }
        }

        _stop.Dispose();
    }
}
