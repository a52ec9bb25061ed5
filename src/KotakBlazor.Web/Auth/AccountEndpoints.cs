using KotakBlazor.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace KotakBlazor.Web.Auth;

/// <summary>
/// Sign-out: ends this browser's session only. The trading engine, its strategies, open orders and
/// risk checks run on in the server whoever is signed in; stopping live trading is the separate,
/// explicit action on the Session page. (Sign-in is the Login pages: static forms that set the cookie.)
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // [FromForm] makes the endpoint validate the antiforgery token.
        endpoints.MapPost("/account/logout", async (HttpContext context, AuditLog audit, [FromForm] string? returnUrl) =>
        {
            var name = context.User.Identity?.Name;
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignOutAsync(AuthSetup.TwoFactorPendingScheme);
            if (name is not null)
            {
                await audit.WriteAsync(name, "auth.sign-out", "Signed out.", context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            }

            return TypedResults.LocalRedirect("/account/login");
        })
        // An admin who still has to set up a second factor may always leave.
        .RequireAuthorization(AuthSetup.SignedInPolicy);
    }
}
