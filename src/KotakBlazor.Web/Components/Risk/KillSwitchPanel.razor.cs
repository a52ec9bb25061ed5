using KotakBlazor.Core.Risk;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Strategies;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>
/// The kill switch's state and, for admins, trip and reset: a reason first, then a confirmation
/// that spells out what happens. The service checks the role again on the server and its refusal
/// is shown as it comes.
/// </summary>
public sealed partial class KillSwitchPanel
{
    private string _tripReason = string.Empty;
    private string _resetReason = string.Empty;
    private bool _tripReasonMissing;
    private bool _resetReasonMissing;
    private bool _confirmTrip;
    private bool _confirmReset;
    private bool _busy;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private KillSwitchService KillSwitch { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Parameter, EditorRequired]
    public KillSwitchState State { get; set; } = KillSwitchState.Armed;

    /// <summary>Whether to offer trip and reset (admins); the server decides anyway.</summary>
    [Parameter]
    public bool CanChange { get; set; }

    /// <summary>Whether a trip also squares off (the limit in force), for the confirmation's wording.</summary>
    [Parameter]
    public bool SquareOffOnTrip { get; set; }

    private string When => State.ChangedAt is { } at ? $" at {DeskText.IstDateTime(at)} IST" : string.Empty;

    private void AskTrip()
    {
        _tripReasonMissing = string.IsNullOrWhiteSpace(_tripReason);
        _confirmTrip = !_tripReasonMissing;
    }

    private void AskReset()
    {
        _resetReasonMissing = string.IsNullOrWhiteSpace(_resetReason);
        _confirmReset = !_resetReasonMissing;
    }

    private void CloseModals()
    {
        _confirmTrip = false;
        _confirmReset = false;
    }

    private async Task TripAsync()
    {
        var result = await RunAsync(async user => await KillSwitch.TripAsync(user, _tripReason, CancellationToken.None));
        if (result.Succeeded)
        {
            _tripReason = string.Empty;
        }
    }

    private async Task ResetAsync()
    {
        var result = await RunAsync(async user => await KillSwitch.ResetAsync(user, _resetReason, CancellationToken.None));
        if (result.Succeeded)
        {
            _resetReason = string.Empty;
        }
    }

    private async Task<TradingResult> RunAsync(Func<ActingUser, Task<TradingResult>> action)
    {
        _busy = true;
        try
        {
            var result = await action(await CurrentUser.ActingAsync());
            _message = result.Message;
            _messageIsError = !result.Succeeded;
            return result;
        }
        finally
        {
            _busy = false;
            CloseModals();
        }
    }
}
