using System.Globalization;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Broker;

/// <summary>
/// The broker health panel: mode, login and session age, feeds, last tick age, reconnects, the order budgets
/// left this second, the scrip master and the client IP Kotak sees. Read twice a second at most: the numbers
/// are ages and budgets, nothing a person reads faster.
/// </summary>
public sealed partial class BrokerHealthPanel : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private BrokerHealthSnapshot? _snapshot;
    private string? _clientIp;
    private bool _checkingIp;
    private bool _askedIp;
    private bool _live;

    [Inject]
    private BrokerHealthService Health { get; set; } = default!;

    [Inject]
    private ILogger<BrokerHealthPanel> Logger { get; set; } = default!;

    private bool LoggedIn => _snapshot?.Login?.LoggedIn == true;

    private string LoggedInAttribute => _snapshot?.Login is { } login ? (login.LoggedIn ? "true" : "false") : "n/a";

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    protected override async Task OnInitializedAsync() => _snapshot = await Health.ReadAsync(_stop.Token);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshAsync(_stop.Token);
        }
    }

    private static string ModeWords(BrokerMode mode) => mode switch
    {
        BrokerMode.KotakNeo => "KotakNeo: Kotak's live prices, real orders",
        BrokerMode.KotakPaper => "KotakPaper: Kotak's live prices, paper orders",
        _ => "Paper: simulated market, paper orders",
    };

    private static string Age(TimeSpan? age, string none = "–")
    {
        if (age is not { } a)
        {
            return none;
        }

        return a.TotalSeconds < 60
            ? a.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : a.TotalHours < 1 ? $"{(int)a.TotalMinutes} min {a.Seconds} s" : $"{(int)a.TotalHours} h {a.Minutes} min";
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            _live = true;
            await InvokeAsync(StateHasChanged);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                _snapshot = await Health.ReadAsync(cancellationToken);
                if (LoggedIn && !_askedIp)
                {
                    _askedIp = true;
                    await AskClientIpAsync(fresh: false, cancellationToken);
                }

                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit went away.
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "The broker health panel stopped refreshing");
        }
    }

    private async Task CheckClientIpAsync()
    {
        _checkingIp = true;
        try
        {
            await AskClientIpAsync(fresh: true, _stop.Token);
        }
        finally
        {
            _checkingIp = false;
        }
    }

    private async Task AskClientIpAsync(bool fresh, CancellationToken cancellationToken)
    {
        var answer = await Health.ClientIpAsync(fresh, cancellationToken);
        _clientIp = answer.IsSuccess ? answer.Value : "unknown: " + answer.Error!.Message;
    }
}
