using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Broker;
using KotakBlazor.Web.Components.Risk;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The admin's broker page: the Kotak Neo login details (masked once saved), "log in now" with Kotak's own
/// answer, and the health panel. The page is for admins; the service behind it checks the role again.
/// </summary>
public sealed partial class BrokerSettings
{
    private MaskedKotakCredentials? _saved;
    private string? _problem;
    private BrokerLoginAttempt? _login;
    private bool _loggingIn;

    [Inject]
    private BrokerSettingsService Settings { get; set; } = default!;

    [Inject]
    private BrokerHealthService Health { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var view = await Settings.LoadAsync(await CurrentUser.ActingAsync(), CancellationToken.None);
        (_saved, _problem) = (view.Credentials, view.Problem);
        _login = null;
    }

    private async Task LogInAsync()
    {
        _loggingIn = true;
        try
        {
            _login = await Settings.LogInAsync(await CurrentUser.ActingAsync(), CancellationToken.None);
        }
        finally
        {
            _loggingIn = false;
        }
    }
}
