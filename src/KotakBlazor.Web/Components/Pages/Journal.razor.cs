using System.Globalization;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The trade journal: round trips closed in a range of IST days (the last 30 by default),
/// optionally of one strategy, with their statistics, the equity curve, figures by strategy and
/// by day, notes per trip and a CSV download of the same range.
/// </summary>
public sealed partial class Journal : IDisposable
{
    private const string Ticket = "ticket";

    private readonly CancellationTokenSource _stop = new();
    private Dictionary<Guid, string> _strategyNames = [];
    private DateOnly _from;
    private DateOnly _to;
    private string _strategy = string.Empty;
    private Guid? _shownStrategy;
    private JournalView? _view;
    private bool _canWrite;
    private bool _loading;
    private string? _error;

    [Inject]
    private JournalService JournalService { get; set; } = default!;

    [Inject]
    private StrategyManager Strategies { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Journal> Logger { get; set; } = default!;

    private string ExportUrl => JournalEndpoints.ExportUrl(_view?.From ?? _from, _view?.To ?? _to, _view is null ? null : _shownStrategy);

    private string StrategyLabel => _shownStrategy is { } id ? StrategyName(id) : "every strategy and the ticket";

    protected override async Task OnInitializedAsync()
    {
        (_from, _to) = JournalEndpoints.DefaultRange(Clock.GetUtcNow());
        _canWrite = TradingCommands.MayTrade(await CurrentUser.ActingAsync());
        _strategyNames = Strategies.Strategies.ToDictionary(s => s.Id, s => s.Config.Name);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_from > _to)
        {
            _error = "'From' is after 'To': pick a range that starts before it ends.";
            return;
        }

        _error = null;
        _loading = true;
        try
        {
            _shownStrategy = Guid.TryParse(_strategy, out var id) ? id : null;
            _view = await JournalService.LoadAsync(_from, _to, _shownStrategy, _stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The journal could not be read");
            _error = "The journal could not be read. Try again in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private string StrategyName(Guid? id) => id switch
    {
        null => "Ticket and hub",
        { } known when _strategyNames.TryGetValue(known, out var name) => name,
        // A strategy removed since it traded: its trips stay, under a short id.
        { } removed => "Removed strategy " + removed.ToString("N", CultureInfo.InvariantCulture)[..8],
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
