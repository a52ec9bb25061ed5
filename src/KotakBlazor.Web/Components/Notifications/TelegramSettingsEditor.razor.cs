using KotakBlazor.Infrastructure.Notifications;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Operations;
using KotakBlazor.Web.Trading;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Notifications;

/// <summary>
/// An admin sets the Telegram bot token and chat. The token field is never filled from the server:
/// what is saved is shown masked, and a blank token keeps it. The server checks the role again.
/// </summary>
public sealed partial class TelegramSettingsEditor
{
    private MaskedTelegramSettings? _current;
    private string _token = string.Empty;
    private string _chatId = string.Empty;
    private bool _enabled = true;
    private bool _busy;
    private bool _ok;
    private string? _message;

    [Inject]
    private TelegramSetup Setup { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    /// <summary>Called after a change, so the page can reload the delivery log.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _current = await Setup.LoadMaskedAsync(CancellationToken.None);
        _enabled = _current?.Enabled ?? true;
    }

    private Task SaveAsync() => RunAsync(async user =>
    {
        var result = await Setup.SaveAsync(user, _token, _chatId, _enabled, CancellationToken.None);
        if (result.Succeeded)
        {
            _token = string.Empty;
            _chatId = string.Empty;
        }

        return result;
    });

    private Task TestAsync() => RunAsync(user => Setup.SendTestAsync(user, CancellationToken.None));

    private Task ClearAsync() => RunAsync(user => Setup.ClearAsync(user, CancellationToken.None));

    private async Task RunAsync(Func<KotakBlazor.Web.Strategies.ActingUser, Task<TradingResult>> action)
    {
        _busy = true;
        try
        {
            var result = await action(await CurrentUser.ActingAsync());
            (_ok, _message) = (result.Succeeded, result.Message);
            _current = await Setup.LoadMaskedAsync(CancellationToken.None);
            await OnChanged.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
