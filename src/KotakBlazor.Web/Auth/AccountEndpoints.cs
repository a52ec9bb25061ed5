using KotakBlazor.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace KotakBlazor.Web.Auth;

/// <summary>Sign-out. (Sign-in is the Login page: a static form that sets the cookie.)</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // [FromForm] makes the endpoint validate the antiforgery token.
        endpoints.MapPost("/account/logout", async (HttpContext context, AuditLog audit, [FromForm] string? returnUrl) =>
        {
            var name = context.User.Identity?.Name;
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (name is not null)
            {
                await audit.WriteAsync(name, "auth.sign-out", "Signed out.", context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            }

            return TypedResults.LocalRedirect("/account/login");
        });
    }
}
