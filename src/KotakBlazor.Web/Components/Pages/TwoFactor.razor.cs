using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// A person's own authenticator: set up (secret shown as a QR code and as text, confirmed with a
/// code, recovery codes shown once), new recovery codes, turning it off. Static forms, so the page
/// works for an admin who must enroll before any live page opens, and so the session cookie can be
/// issued again to say this session passed a second factor.
/// </summary>
public sealed partial class TwoFactor
{
    private SignedInUser? _user;
    private TwoFactorStatus _status = TwoFactorStatus.None;
    private TwoFactorEnrollment? _enrollment;
    private IReadOnlyList<string>? _recoveryCodes;
    private bool _mustEnroll;
    private bool _mustKeep;
    private string? _error;
    private string? _message;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "confirm-two-factor")]
    private CodeInput Confirm { get; set; } = new();

    [SupplyParameterFromForm(FormName = "disable-two-factor")]
    private CodeInput Disable { get; set; } = new();

    [SupplyParameterFromForm(FormName = "renew-recovery-codes")]
    private CodeInput Renew { get; set; } = new();

    [Inject]
    private TwoFactorService TwoFactorService { get; set; } = default!;

    [Inject]
    private SecondFactorEnrolledRequirement Requirement { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The secret and the recovery codes must not be kept by any cache.
        HttpContext.Response.Headers.CacheControl = "no-store";
        _user = AuthSetup.FromPrincipal(HttpContext.User);
        if (_user is null)
        {
            _error = "Sign in again.";
            return;
        }

        _mustEnroll = Requirement.MustEnroll(HttpContext.User);
        _mustKeep = Requirement.Required && _user.Role == UserRoles.Admin;
        await LoadAsync();
    }

    private async Task StartAsync()
    {
        if (_user is null)
        {
            return;
        }

        try
        {
            _enrollment = await TwoFactorService.StartEnrollmentAsync(_user.Id, HttpContext.RequestAborted);
            _status = await TwoFactorService.GetStatusAsync(_user.Id, HttpContext.RequestAborted);
        }
        catch (InvalidOperationException e)
        {
            _error = e.Message;
        }
    }

    private async Task ConfirmAsync()
    {
        if (_user is null)
        {
            return;
        }

        var codes = await TwoFactorService.ConfirmEnrollmentAsync(_user.Id, Confirm.Code, HttpContext.RequestAborted);
        Confirm = new CodeInput();
        if (codes is null)
        {
            _error = "That code does not match. Check the app shows KotakBlazor with this key and the phone's clock is right, then try the new code.";
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _recoveryCodes = codes;
        _message = "Your authenticator is on: signing in now asks for a code after the password.";
        await ReissueCookieAsync(usedSecondFactor: true);
        await LoadAsync();
    }

    private async Task DisableAsync()
    {
        if (_user is null)
        {
            return;
        }

        if (_mustKeep)
        {
            _error = "Admins must keep a second factor here.";
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!await TwoFactorService.DisableAsync(_user.Id, Disable.Code, HttpContext.RequestAborted))
        {
            _error = "That code is not right (or was used already). Nothing changed.";
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            Disable = new CodeInput();
            return;
        }

        _message = "The authenticator is off: signing in asks for your password only.";
        await ReissueCookieAsync(usedSecondFactor: false);
        await LoadAsync();
    }

    private async Task RenewAsync()
    {
        if (_user is null)
        {
            return;
        }

        _recoveryCodes = await TwoFactorService.RegenerateRecoveryCodesAsync(_user.Id, Renew.Code, HttpContext.RequestAborted);
        Renew = new CodeInput();
        if (_recoveryCodes is null)
        {
            _error = "That code is not right (or was used already). Your recovery codes did not change.";
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _message = "New recovery codes: the old ones no longer work.";
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _status = await TwoFactorService.GetStatusAsync(_user!.Id, HttpContext.RequestAborted);
        _enrollment = _status.Pending ? await TwoFactorService.PendingEnrollmentAsync(_user.Id, HttpContext.RequestAborted) : null;
    }

    // The session goes on; its cookie now says whether it passed a second factor (what the admin rule checks).
    private async Task ReissueCookieAsync(bool usedSecondFactor)
    {
        _user = _user! with { UsedSecondFactor = usedSecondFactor };
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.CreatePrincipal(_user));
        _mustEnroll = false;
    }

    private static string Ist(DateTimeOffset? time) =>
        time is { } t ? IndianMarketTime.ToIst(t).ToString("dd MMM yyyy HH:mm 'IST'", CultureInfo.InvariantCulture) : "?";

    private sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter a code.")]
        [StringLength(32, ErrorMessage = "That is too long for a code.")]
        public string Code { get; set; } = string.Empty;
    }
}
