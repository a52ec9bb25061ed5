using System.Globalization;
using System.Threading.Channels;
using KotakBlazor.Core.Strategies;
using KotakBlazor.Core.Time;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The strategies page: what is configured (live: status, signals today, errors), the add and
/// edit form, and the catalogue. Every change goes through <see cref="StrategyDesk"/>, which acts
/// as the signed-in user, so the server refuses viewers whatever this page shows.
/// </summary>
public sealed partial class Strategies : IAsyncDisposable
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _subscriptions = [];
    private IReadOnlyList<StrategyStatus> _strategies = [];
    private IReadOnlyList<StrategyManager.StoredProblem> _unloadable = [];
    private StrategyStatus? _editing;
    private bool _canChange;
    private bool _busy;
    private bool _live;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private StrategyDesk Desk { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canChange = await Desk.CanChangeAsync();
        Refresh();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Status changes come as strategy changes; signal counts move with every signal.
        var changes = Desk.SubscribeChanges();
        var signals = Desk.SubscribeSignals();
        _subscriptions.Add(changes);
        _subscriptions.Add(signals);
        _ = FollowAsync(changes.Reader, _stop.Token);
        _ = FollowAsync(signals.Reader, _stop.Token);
        _live = true;
        Refresh();
        StateHasChanged();
    }

    private async Task FollowAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out _))
                {
                }

                await InvokeAsync(() =>
                {
                    Refresh();
                    StateHasChanged();
                });
                await Task.Delay(RenderInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
    }

    private void Refresh()
    {
        _strategies = Desk.Strategies;
        _unloadable = Desk.Unloadable;
        if (_editing is not null && !_strategies.Any(s => s.Id == _editing.Id))
        {
            _editing = null;
        }
    }

    private async Task SetEnabledAsync(StrategyStatus status, bool enabled)
    {
        _busy = true;
        try
        {
            var result = await Desk.SetEnabledAsync(status.Id, enabled, CancellationToken.None);
            Show(result.Succeeded
                ? $"{(enabled ? "Enabled" : "Disabled")} '{status.Config.Name}'."
                : string.Join(" ", result.Errors), !result.Succeeded);
        }
        finally
        {
            _busy = false;
            Refresh();
        }
    }

    private async Task RemoveAsync(Guid id, string name)
    {
        var confirmed = await Dialogs.Confirm(
            $"Remove the strategy '{name}'? It stops at once and its configuration is deleted; its past signals stay in the record.",
            "Remove strategy",
            new ConfirmOptions { OkButtonText = "Remove", CancelButtonText = "Keep" });
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Desk.RemoveAsync(id, CancellationToken.None);
            Show(result.Succeeded ? $"Removed '{name}'." : string.Join(" ", result.Errors), !result.Succeeded);
            if (result.Succeeded && _editing?.Id == id)
            {
                _editing = null;
            }
        }
        finally
        {
            _busy = false;
            Refresh();
        }
    }

    private void Edit(StrategyStatus status)
    {
        _editing = status;
        _message = null;
    }

    private void CancelEdit() => _editing = null;

    private Task OnSavedAsync(string message)
    {
        Show(message, message.Contains("could not start", StringComparison.Ordinal));
        _editing = null;
        Refresh();
        return Task.CompletedTask;
    }

    private void Show(string message, bool isError)
    {
        _message = message;
        _messageIsError = isError;
    }

    private string KindName(string key) => Desk.TryGetKind(key, out var definition) ? definition.Name : key;

    private string Symbols(StrategyConfig config) =>
        string.Join(", ", config.Instruments.Select(id => Desk.TryGetInstrument(id, out var instrument) ? instrument.TradingSymbol : id.ToString()));

    private static string LastSignal(StrategyStatus status) => status.LastSignalAt is { } at
        ? IndianMarketTime.ToIst(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture)
        : "–";

    private static string RowClass(StrategyStatus status) =>
        status.Error is not null ? "kb-strategy kb-faulted" : status.Enabled ? "kb-strategy kb-running" : "kb-strategy kb-paused";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _stop.Dispose();
    }
}
