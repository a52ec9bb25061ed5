using KotakBlazor.Core.Execution;
using KotakBlazor.Core.Instruments;
using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// Live session control: pick instruments and strategies and start; while live, who started it
/// and when, and stop (optionally cancelling working orders) with the final report. The session
/// service checks the role on the server; its refusals are shown as they come.
/// </summary>
public sealed partial class Session : IAsyncDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Instrument> _instruments = [];
    private readonly HashSet<Guid> _chosen = [];
    private SessionState _session = SessionState.Idle;
    private IReadOnlyList<StrategyStatus> _strategies = [];
    private SessionReport? _report;
    private int _workingOrders;
    private bool _cancelWorking;
    private bool _canTrade;
    private bool _confirmStart;
    private bool _confirmStop;
    private bool _busy;
    private bool _ready;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private TradingSession TradingSession { get; set; } = default!;

    [Inject]
    private StrategyManager StrategyManager { get; set; } = default!;

    [Inject]
    private OrderManager Orders { get; set; } = default!;

    [Inject]
    private IInstrumentCatalog Catalog { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canTrade = TradingCommands.MayTrade(await CurrentUser.ActingAsync());
        Refresh();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ready = true;
            StateHasChanged();
            _ = FollowAsync(_stop.Token);
        }
    }

    // The session has no event of its own; once a second is plenty for "started by" and the working-order count.
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    Refresh();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private void Refresh()
    {
        var session = TradingSession.State;
        // A session stopped in another tab brings its report here too.
        if (session.LastReport is not null && !ReferenceEquals(session.LastReport, _session.LastReport))
        {
            _report = session.LastReport;
        }

        _session = session;
        _strategies = StrategyManager.Strategies;
        _workingOrders = Orders.Orders.Count(o => OrderLifecycle.IsWorking(o.Status));
    }

    private void AddInstrument(Instrument instrument)
    {
        if (!_instruments.Exists(i => i.Id == instrument.Id))
        {
            _instruments.Add(instrument);
        }
    }

    private void Choose(Guid id, bool chosen)
    {
        if (chosen)
        {
            _chosen.Add(id);
        }
        else
        {
            _chosen.Remove(id);
        }
    }

    private void AskStart() => _confirmStart = true;

    private void AskStop() => _confirmStop = true;

    private void CloseModals()
    {
        _confirmStart = false;
        _confirmStop = false;
    }

    private async Task StartAsync()
    {
        _busy = true;
        try
        {
            var result = await TradingSession.StartAsync(await CurrentUser.ActingAsync(), [.. _instruments.Select(i => i.Id)], [.. _chosen], CancellationToken.None);
            Show(result.Message, !result.Succeeded);
            if (result.Succeeded)
            {
                _report = null;
            }
        }
        finally
        {
            _busy = false;
            CloseModals();
            Refresh();
        }
    }

    private async Task StopAsync()
    {
        _busy = true;
        try
        {
            var (result, report) = await TradingSession.StopAsync(await CurrentUser.ActingAsync(), _cancelWorking, CancellationToken.None);
            Show(result.Message, !result.Succeeded);
            _report = report ?? _report;
        }
        finally
        {
            _busy = false;
            CloseModals();
            Refresh();
        }
    }

    private void Show(string message, bool isError)
    {
        _message = message;
        _messageIsError = isError;
    }

    private string Symbol(InstrumentId id) => Catalog.TryGet(id, out var instrument) ? instrument.TradingSymbol : id.ToString();

    private string StrategyName(Guid id) => _strategies.FirstOrDefault(s => s.Id == id)?.Config.Name ?? "removed strategy";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
