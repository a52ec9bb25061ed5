using System.Security.Claims;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace KotakBlazor.Web.Auth;

/// <summary>
/// Cookie sign-in for people, API keys for outside hub clients, and a fallback policy that
/// makes every endpoint require a signed-in user unless it says otherwise.
/// </summary>
public static class AuthSetup
{
    public const string AdminPolicy = "Admin";
    public const string HubPolicy = "HubClient";

    /// <summary>Signed in, nothing more: the second-factor enrollment page and sign-out, which an admin who must enroll still reaches.</summary>
    public const string SignedInPolicy = "SignedIn";

    public const string SecurityStampClaim = "kb:security-stamp";

    /// <summary>"true" when the session passed an authenticator or recovery code.</summary>
    public const string SecondFactorClaim = "kb:second-factor";

    /// <summary>The short-lived cookie between a right password and the code of a user with a second factor.</summary>
    public const string TwoFactorPendingScheme = "KotakBlazor.TwoFactorPending";

    public const string TwoFactorPagePath = "/account/two-factor";

    public static void AddKotakAuth(this WebApplicationBuilder builder)
    {
        var authOptions = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.SectionName));
        var secondFactor = new SecondFactorEnrolledRequirement(authOptions.RequireTwoFactorForAdmins);
        builder.Services.AddSingleton(secondFactor);

        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/access-denied";
                options.Cookie.Name = "kotakblazor.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateSessionAsync;
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => secondFactor.MustEnroll(context.HttpContext.User)
                    ? RedirectToEnrollment(context)
                    : RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            })
            .AddCookie(TwoFactorPendingScheme, options =>
            {
                // Carries only who typed the right password; useless without the code, gone after ten minutes.
                options.Cookie.Name = "kotakblazor.2fa";
                options.Cookie.Path = "/account";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                options.SlidingExpiration = false;
                options.LoginPath = "/account/login";
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });

        // Every policy but SignedIn carries the second-factor rule, so an admin who must enroll
        // reaches no page, hub or circuit until they have.
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        var enrolled = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(secondFactor).Build();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(enrolled)
            .SetDefaultPolicy(enrolled)
            .AddPolicy(SignedInPolicy, signedIn)
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(UserRoles.Admin).AddRequirements(secondFactor))
            .AddPolicy(HubPolicy, policy => policy
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(secondFactor));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<TwoFactorService>();
        builder.AddKotakAdmin();
    }

    /// <summary>The claims a signed-in person's cookie carries.</summary>
    public static ClaimsPrincipal CreatePrincipal(SignedInUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(SecurityStampClaim, user.SecurityStamp),
            new Claim(SecondFactorClaim, user.UsedSecondFactor ? "true" : "false"),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The claims of the half-way cookie: who typed the right password, and the stamp it was right for.</summary>
    public static ClaimsPrincipal CreatePendingPrincipal(SignedInUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(SecurityStampClaim, user.SecurityStamp),
        ],
        TwoFactorPendingScheme));

    /// <summary>The signed-in user a cookie principal stands for (to issue it again with a changed claim), or null.</summary>
    public static SignedInUser? FromPrincipal(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        && principal.FindFirstValue(ClaimTypes.Name) is { } name
        && principal.FindFirstValue(SecurityStampClaim) is { } stamp
            ? new SignedInUser(id, name, principal.FindFirstValue(ClaimTypes.Role) ?? string.Empty, stamp, principal.HasClaim(SecondFactorClaim, "true"))
            : null;

    private static Task RedirectToEnrollment(RedirectContext<CookieAuthenticationOptions> context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/hubs") || path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect(TwoFactorPagePath);
        return Task.CompletedTask;
    }

    // A disabled user, or one whose password or role changed, loses every open session.
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(SecurityStampClaim);
        if (!int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || stamp is null)
        {
            context.RejectPrincipal();
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserAccountService>();
        if (!await users.IsSessionValidAsync(userId, stamp, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // Machines (the hub, health, APIs) get a status code; people get the login page.
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/hubs") || path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz"))
        {
            context.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
