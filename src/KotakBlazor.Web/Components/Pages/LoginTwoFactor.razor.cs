using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The second step of signing in for a user with an authenticator: a static form (it sets the
/// cookie). Who typed the right password comes from the short-lived pending cookie; the code is
/// checked by <see cref="TwoFactorService"/>, and only then is the real session cookie issued.
/// </summary>
public sealed partial class LoginTwoFactor
{
    private string? _error;
    private bool _pending;
    private string? _userName;
    private int _userId;
    private string _stamp = string.Empty;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private CodeInput Input { get; set; } = new();

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private TwoFactorService TwoFactor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The code and the page showing whose sign-in this is stay out of caches.
        HttpContext.Response.Headers.CacheControl = "no-store";
        var pending = await HttpContext.AuthenticateAsync(AuthSetup.TwoFactorPendingScheme);
        var principal = pending.Principal;
        if (!pending.Succeeded || principal is null
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out _userId)
            || principal.FindFirstValue(AuthSetup.SecurityStampClaim) is not { } stamp)
        {
            _error = "Your sign-in has expired or was not started here. Sign in with your password again.";
            HttpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        _stamp = stamp;
        _userName = principal.FindFirstValue(ClaimTypes.Name);
        _pending = true;
    }

    private async Task VerifyAsync()
    {
        if (!_pending)
        {
            return;
        }

        var result = await TwoFactor.VerifySignInAsync(_userId, _stamp, Input.Code, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignOutAsync(AuthSetup.TwoFactorPendingScheme);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.CreatePrincipal(result.User!));
                Navigation.NavigateTo(ReturnUrls.Local(ReturnUrl), forceLoad: true);
                return;
            case SignInOutcome.InvalidCode:
                _error = "That code is not right, or was used already. Wait for the next code from your app, or use a recovery code.";
                break;
            case SignInOutcome.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling(((result.LockedOutUntil ?? Time.GetUtcNow()) - Time.GetUtcNow()).TotalMinutes));
                _error = $"Too many failed attempts: this account is locked for {minutes} more minute(s).";
                await EndPendingAsync();
                break;
            case SignInOutcome.Disabled:
                _error = "This account is disabled. Ask an admin.";
                await EndPendingAsync();
                break;
            default:
                _error = "Your sign-in is no longer valid (the password or second factor changed meanwhile). Sign in again.";
                await EndPendingAsync();
                break;
        }

        Input = new CodeInput();
        HttpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    private async Task EndPendingAsync()
    {
        await HttpContext.SignOutAsync(AuthSetup.TwoFactorPendingScheme);
        _pending = false;
    }

    private sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app.")]
        [StringLength(32, ErrorMessage = "That is too long for a code.")]
        public string Code { get; set; } = string.Empty;
    }
}
