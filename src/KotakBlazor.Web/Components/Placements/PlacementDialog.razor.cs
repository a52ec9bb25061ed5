using System.Globalization;
using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Core.Messaging;
using KotakBlazor.Core.Orders;
using KotakBlazor.Web.Components.Trading;
using KotakBlazor.Web.Placements;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Placements;

/// <summary>
/// The confirmation and progress modal of a placement (a new structure, a close, a roll): every
/// leg, the batch plan, the order count, the pacing and the estimated time, then Execute, then
/// live progress. The placement's id is made when the modal opens, so Execute pressed twice, in a
/// second tab or after a refresh places it once. Closing the modal does not stop the placement:
/// it runs on the server, and the placements list shows it.
/// </summary>
public sealed partial class PlacementDialog
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(150);

    private readonly CancellationTokenSource _stop = new();
    private Step _step = Step.Closed;
    private string _title = string.Empty;
    private Guid _placementId;
    private PlacementPreview? _preview;
    private Func<Guid, Task<PlacementResult>>? _execute;
    private bool _executing;
    private bool _canTrade;
    private string? _error;
    private bool _errorIsProblem = true;
    private EventStream<PlacementProgress>.Subscription? _progress;
    private EventStream<Order>.Subscription? _orders;
    private ModalFrame? _frame;
    private bool _focusPending;

    private enum Step
    {
        Closed,
        Loading,
        Confirm,
        Progress,
    }

    [Inject]
    private PlacementScreen Screen { get; set; } = default!;

    [Inject]
    private ILogger<PlacementDialog> Logger { get; set; } = default!;

    /// <summary>Raised when a placement was executed or a choice was made (the page refreshes its list).</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private string Title => _step == Step.Progress ? _title : "Confirm: " + _title;

    /// <summary>Opens the confirmation: a new placement id now, the preview for it, Execute later with the same id.</summary>
    public async Task OpenAsync(string title, Func<Guid, Task<PlacementPreview>> preview, Func<Guid, Task<PlacementResult>> execute)
    {
        ArgumentNullException.ThrowIfNull(preview);
        _title = title;
        _placementId = Guid.NewGuid();
        _execute = execute;
        _error = null;
        _preview = null;
        _step = Step.Loading;
        StateHasChanged();
        try
        {
            _preview = await preview(_placementId);
            _step = Step.Confirm;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "A placement could not be previewed");
            _step = Step.Closed;
            throw;
        }
    }

    /// <summary>Shows an existing placement's progress (from the list, after a refresh, in a second browser).</summary>
    public async Task WatchAsync(Guid placementId, string title)
    {
        _title = title;
        _placementId = placementId;
        _error = null;
        _canTrade = await Screen.CanTradeAsync();
        Follow();
        _step = Step.Progress;
        StateHasChanged();
    }

    private async Task ExecuteAsync()
    {
        // The button disables itself; a click already on its way (the second of a double click) is stopped here, and the id stops any other.
        if (_step != Step.Confirm || _executing || _execute is null || _preview is not { IsAllowed: true })
        {
            return;
        }

        _executing = true;
        _error = null;
        Follow();
        try
        {
            // Not the circuit's token: once pressed, the placement is the server's to finish.
            var result = await _execute(_placementId);
            _canTrade = await Screen.CanTradeAsync();
            if (result.Succeeded)
            {
                _error = result.AlreadyDone ? "This was executed already: nothing new was placed." : null;
                _errorIsProblem = false;
                _step = Step.Progress;
                // The Execute button is gone: the dialog takes the focus, so Escape still closes it.
                _focusPending = true;
            }
            else
            {
                _error = result.Message;
                _errorIsProblem = true;
            }

            await OnChanged.InvokeAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Placement {PlacementId} could not be executed", _placementId);
            _error = "It could not be sent: " + ex.Message + " Look at the placements list before trying again.";
            _errorIsProblem = true;
        }
        finally
        {
            _executing = false;
        }
    }

    private async Task ChooseAsync(PlacementProgressView.Choice choice)
    {
        if (_executing)
        {
            return;
        }

        _executing = true;
        try
        {
            var result = choice switch
            {
                PlacementProgressView.Choice.Resume => await Screen.ResumeAsync(_placementId, CancellationToken.None),
                PlacementProgressView.Choice.Unwind => await Screen.UnwindAsync(_placementId, CancellationToken.None),
                _ => await Screen.KeepAsync(_placementId, CancellationToken.None),
            };
            _error = result.Succeeded ? null : result.Message;
            _errorIsProblem = !result.Succeeded;
            await OnChanged.InvokeAsync();
        }
        finally
        {
            _executing = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending && _frame is not null)
        {
            _focusPending = false;
            await _frame.FocusAsync();
        }
    }

    /// <summary>Re-renders on every step of any placement and every order change, at most every 150 ms.</summary>
    private void Follow()
    {
        StopFollowing();
        _progress = Screen.SubscribeProgress();
        _orders = Screen.SubscribeOrders();
        _ = _progress.ForLatestAsync(_ => InvokeAsync(StateHasChanged), RenderInterval, _stop.Token);
        _ = _orders.ForLatestAsync(_ => InvokeAsync(StateHasChanged), RenderInterval, _stop.Token);
    }

    private void StopFollowing()
    {
        _progress?.Dispose();
        _orders?.Dispose();
        _progress = null;
        _orders = null;
    }

    private void Close()
    {
        if (_executing)
        {
            return;
        }

        StopFollowing();
        _step = Step.Closed;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        StopFollowing();
        _stop.Dispose();
    }
}
