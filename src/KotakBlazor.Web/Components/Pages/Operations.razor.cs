using System.Globalization;
using KotakBlazor.Core.Operations;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Operations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The end-of-day cleanup: run it now (admins, after a confirmation that lists what happens), watch
/// its six steps live, and read every run's history. The runner checks the role again on the
/// server and its refusal is shown as it comes.
/// </summary>
public sealed partial class Operations : IAsyncDisposable
{
    private const int HistoryRows = 50;
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private Core.Messaging.EventStream<EndOfDayRun>.Subscription? _progress;
    private IReadOnlyList<EndOfDayRun> _history = [];
    private EndOfDayRun? _current;
    private DateOnly _today;
    private string _schedule = string.Empty;
    private double _staleHours;
    private int _retentionDays;
    private bool _isAdmin;
    private bool _confirm;
    private bool _busy;
    private bool _live;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private EndOfDayRunner Runner { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IOptions<OperationsOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Operations> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = (await CurrentUser.GetAsync())?.Role == UserRoles.Admin;
        _today = IndianMarketTime.IstDate(Clock.GetUtcNow());
        var options = Options.Value;
        _schedule = options.EndOfDay is { } at
            ? $"Runs by itself at {at.ToString("HH:mm", CultureInfo.InvariantCulture)} IST on trading days"
            : "Runs only when an admin starts it";
        _staleHours = options.StaleOrderHours;
        _retentionDays = options.BackupRetentionDays;
        _current = Runner.Current;
        _history = await Runner.LoadHistoryAsync(HistoryRows, _stop.Token);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _progress = Runner.Progress.Subscribe(256);
        _current = Runner.Current;
        _history = await Runner.LoadHistoryAsync(HistoryRows, _stop.Token);
        _live = true;
        StateHasChanged();
        _ = _progress.ForLatestAsync(run => InvokeAsync(() => ShowAsync(run)), RefreshInterval, _stop.Token);
    }

    private async Task ShowAsync(EndOfDayRun run)
    {
        try
        {
            _current = run.IsFinished ? null : run;
            if (run.IsFinished || !_history.Any(h => h.Id == run.Id))
            {
                _history = await Runner.LoadHistoryAsync(HistoryRows, _stop.Token);
            }

            // The finished run stays on top until the next starts, as the history's newest.
            if (run.IsFinished && !_history.Any(h => h.Id == run.Id))
            {
                _history = [run, .. _history];
            }

            StateHasChanged();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The operations page could not refresh");
        }
    }

    private void AskRun()
    {
        _today = IndianMarketTime.IstDate(Clock.GetUtcNow());
        _message = null;
        _confirm = true;
    }

    private async Task RunAsync()
    {
        _busy = true;
        try
        {
            var result = await Runner.RunNowAsync(await CurrentUser.ActingAsync(), _stop.Token);
            _message = result.Message;
            _messageIsError = !result.Succeeded;
            _current = Runner.Current ?? _current;
        }
        finally
        {
            _busy = false;
            _confirm = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _progress?.Dispose();
        _stop.Dispose();
    }
}
