using System.Globalization;
using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Options;
using KotakBlazor.Core.Options.Builder;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Positions;
using KotakBlazor.Web.Components.Placements;
using KotakBlazor.Web.Market;
using KotakBlazor.Web.Placements;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The strategy builder: a short strangle (or straddle, iron condor, bull call or bear put spread)
/// laid out on the live option chain, with editable legs, premium, breakevens, the payoff at expiry
/// and today, the worst case against the day's loss budget, margin and the risk verdict; then the
/// confirmation, the batched placement with live progress, and the placements with their P&amp;L.
/// Strategies that need a person's confirmation can open it pre-filled with query parameters
/// (kind, underlying, expiry, lots, points, delta, wings, product, strategy, name).
/// </summary>
public sealed partial class StrangleBuilder : IAsyncDisposable
{
    private static readonly TimeSpan ChainInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<EventStream<PlacementProgress>.Subscription> _progress = [];
    private EventStream<PortfolioSnapshot>.Subscription? _portfolio;
    private OptionUnderlying? _underlying;
    private DateOnly _expiry;
    private OptionStrategyKind _kind = OptionStrategyKind.ShortStrangle;
    private StrikeChoice _choice = StrikeChoice.PointsFromSpot;
    private decimal _points = 200m;
    private double _delta = 0.15;
    private decimal _wings = 200m;
    private int _lots = 1;
    private ProductType _product = ProductType.Nrml;
    private int _batchLots;
    private List<BuilderLeg> _legs = [];
    private OptionChainSnapshot? _chain;
    private StrategyAnalysis? _analysis;
    private MarginEstimate? _margin;
    private string? _marginProblem;
    private IReadOnlyList<string> _refusals = [];
    private int _verdictVersion;
    private string? _problem;
    private string? _note;
    private string? _error;
    private bool _canTrade;
    private bool _live;
    private bool _reviewing;
    private PlacementDialog? _dialog;

    [Inject]
    private PlacementScreen Screen { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<StrangleBuilder> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "kind")]
    public string? KindQuery { get; set; }

    [SupplyParameterFromQuery(Name = "underlying")]
    public string? UnderlyingQuery { get; set; }

    [SupplyParameterFromQuery(Name = "expiry")]
    public string? ExpiryQuery { get; set; }

    [SupplyParameterFromQuery(Name = "lots")]
    public int? LotsQuery { get; set; }

    [SupplyParameterFromQuery(Name = "points")]
    public decimal? PointsQuery { get; set; }

    [SupplyParameterFromQuery(Name = "delta")]
    public double? DeltaQuery { get; set; }

    [SupplyParameterFromQuery(Name = "wings")]
    public decimal? WingsQuery { get; set; }

    [SupplyParameterFromQuery(Name = "product")]
    public string? ProductQuery { get; set; }

    [SupplyParameterFromQuery(Name = "strategy")]
    public Guid? StrategyQuery { get; set; }

    [SupplyParameterFromQuery(Name = "name")]
    public string? NameQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _batchLots = Screen.Options.MaxLotsPerBatch;
        _canTrade = await Screen.CanTradeAsync();
        ApplyQuery();
        RefreshChain();
        LayOut();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe first, then render what is there: a step published in between is not lost.
        var progress = Screen.SubscribeProgress();
        _progress.Add(progress);
        _portfolio = Screen.SubscribePortfolio();
        _ = progress.ForLatestAsync(_ => InvokeAsync(StateHasChanged), RenderInterval, _stop.Token);
        _ = _portfolio.ForLatestAsync(_ => InvokeAsync(StateHasChanged), RenderInterval, _stop.Token);
        _ = RefreshAsync(_stop.Token);
        _live = true;
        StateHasChanged();
    }

    private void ApplyQuery()
    {
        _underlying = Screen.Underlyings.FirstOrDefault(u => string.Equals(u.Name, UnderlyingQuery, StringComparison.OrdinalIgnoreCase)) ?? Screen.Underlyings.FirstOrDefault();
        _expiry = NearestExpiry(_underlying);
        if (_underlying is not null && DateOnly.TryParseExact(ExpiryQuery, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry) && _underlying.Expiries.Contains(expiry))
        {
            _expiry = expiry;
        }

        if (Enum.TryParse<OptionStrategyKind>(KindQuery, ignoreCase: true, out var kind))
        {
            _kind = kind;
            _points = kind is OptionStrategyKind.BullCallSpread or OptionStrategyKind.BearPutSpread ? 0m : _points;
        }

        _lots = LotsQuery is > 0 ? LotsQuery.Value : _lots;
        _points = PointsQuery is >= 0 ? PointsQuery.Value : _points;
        if (DeltaQuery is > 0 and < 1)
        {
            _delta = DeltaQuery.Value;
            _choice = StrikeChoice.Delta;
        }

        _wings = WingsQuery is > 0 ? WingsQuery.Value : _wings;
        _product = Enum.TryParse<ProductType>(ProductQuery, ignoreCase: true, out var product) && product != ProductType.Cnc ? product : _product;
        if (StrategyQuery is not null)
        {
            _note = $"Opened from {NameQuery ?? "a strategy"}'s signal: check the legs, then review and place.";
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ChainInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    RefreshChain();
                    if (_legs.Count == 0 && _chain is not null && _problem is null)
                    {
                        LayOut();
                    }
                    else if (_chain is not null)
                    {
                        _legs = [.. OptionStrategyBuilder.Requote(_legs, _chain)];
                        Analyse();
                    }

                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private void RefreshChain()
    {
        if (_underlying is null)
        {
            return;
        }

        try
        {
            _chain = Screen.Chain(_underlying, _expiry);
        }
        catch (ArgumentException ex)
        {
            Logger.LogWarning(ex, "Option chain of {Underlying} {Expiry} could not be built", _underlying.Name, _expiry);
            _chain = null;
        }
    }

    private void LayOut()
    {
        _error = null;
        if (_chain is null)
        {
            _legs = [];
            _analysis = null;
            return;
        }

        var built = OptionStrategyBuilder.Build(_chain, new StrategyShape(_kind, Math.Max(_lots, 1), _choice, _points, _delta, _wings));
        _problem = built.Problem;
        _legs = [.. built.Legs];
        LegsChanged();
    }

    private void KindChanged()
    {
        _points = _kind is OptionStrategyKind.BullCallSpread or OptionStrategyKind.BearPutSpread ? 0m : 200m;
        LayOut();
    }

    private void LotsChanged()
    {
        if (_lots < 1)
        {
            return;
        }

        _legs = [.. _legs.Select(l => l with { Lots = _lots })];
        LegsChanged();
    }

    private void UnderlyingChanged(ChangeEventArgs e)
    {
        if (Screen.Underlyings.FirstOrDefault(u => u.Name == e.Value as string) is { } chosen)
        {
            _underlying = chosen;
            _expiry = NearestExpiry(chosen);
            RefreshChain();
            LayOut();
        }
    }

    private void ExpiryChanged(ChangeEventArgs e)
    {
        if (DateOnly.TryParseExact(e.Value as string, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry) && _underlying?.Expiries.Contains(expiry) == true)
        {
            _expiry = expiry;
            RefreshChain();
            LayOut();
        }
    }

    /// <summary>After any edit: the payoff again, then the risk verdict and margin from the server.</summary>
    private void LegsChanged()
    {
        Analyse();
        _ = VerdictAsync(++_verdictVersion);
    }

    private void Analyse()
    {
        _analysis = _chain is not null && _legs.Count > 0 && _legs.All(l => l.Instrument.Strike is > 0) ? Screen.Analyse(_legs, _chain) : null;
    }

    private async Task VerdictAsync(int version)
    {
        if (_legs.Count == 0 || _underlying is null)
        {
            _margin = null;
            _refusals = [];
            return;
        }

        try
        {
            var preview = await Screen.PreviewAsync(Draft(Guid.NewGuid()), _stop.Token);
            if (version != _verdictVersion)
            {
                return;
            }

            _margin = preview.Margin;
            _marginProblem = preview.MarginProblem;
            _refusals = preview.Problems;
            await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private DateOnly NearestExpiry(OptionUnderlying? underlying)
    {
        if (underlying is null || underlying.Expiries.Count == 0)
        {
            return default;
        }

        var now = Time.GetUtcNow();
        return underlying.Expiries.FirstOrDefault(e => OptionChainBuilder.YearsToExpiry(e, now) > 0, underlying.Expiries[^1]);
    }

    private static string KindName(OptionStrategyKind kind) => kind switch
    {
        OptionStrategyKind.ShortStrangle => "short strangle",
        OptionStrategyKind.ShortStraddle => "short straddle",
        OptionStrategyKind.IronCondor => "iron condor",
        OptionStrategyKind.BullCallSpread => "bull call spread",
        _ => "bear put spread",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var subscription in _progress)
        {
            subscription.Dispose();
        }

        _portfolio?.Dispose();
        _stop.Dispose();
    }
}
