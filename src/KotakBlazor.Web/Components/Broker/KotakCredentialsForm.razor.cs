using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Components.Risk;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Broker;

/// <summary>
/// Enter, replace or remove the Kotak Neo login details. Secrets go straight to the server service (admin check,
/// encryption, audit) and are cleared from the form once saved; what comes back is the masked view only.
/// </summary>
public sealed partial class KotakCredentialsForm
{
    private readonly KotakCredentialsFormModel _form = new();
    private string? _message;
    private bool _messageIsError;
    private bool _busy;
    private bool _confirmRemove;

    [Inject]
    private BrokerSettingsService Settings { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    /// <summary>The saved details, masked; null when none.</summary>
    [Parameter]
    public MaskedKotakCredentials? Saved { get; set; }

    /// <summary>Raised after a save or removal, so the page reloads the masked view.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var result = await Settings.SaveAsync(await CurrentUser.ActingAsync(), _form.ToCredentials(), CancellationToken.None);
            (_message, _messageIsError) = (result.Message, !result.Succeeded);
            if (result.Succeeded)
            {
                _form.Clear();
                await OnChanged.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RemoveAsync()
    {
        _busy = true;
        try
        {
            var result = await Settings.ClearAsync(await CurrentUser.ActingAsync(), CancellationToken.None);
            (_message, _messageIsError) = (result.Message, !result.Succeeded);
            _confirmRemove = false;
            await OnChanged.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
