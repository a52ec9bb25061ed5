using System.Security.Claims;
using KotakBlazor.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace KotakBlazor.Web.Auth;

/// <summary>
/// Part of every policy but the enrollment page's and sign-out's: with
/// <see cref="AuthOptions.RequireTwoFactorForAdmins"/>, an admin's session must have passed a second
/// factor. Outside clients with API keys are machines, not people with phones, and are not concerned.
/// </summary>
/// <param name="required">The configured <see cref="AuthOptions.RequireTwoFactorForAdmins"/>.</param>
public sealed class SecondFactorEnrolledRequirement(bool required) : AuthorizationHandler<SecondFactorEnrolledRequirement>, IAuthorizationRequirement
{
    /// <summary>Whether the rule is on.</summary>
    public bool Required { get; } = required;

    /// <summary>Whether this person must set up an authenticator before anything else.</summary>
    public bool MustEnroll(ClaimsPrincipal user) =>
        Required
        && user.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
        && user.IsInRole(UserRoles.Admin)
        && !user.HasClaim(AuthSetup.SecondFactorClaim, "true");

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorEnrolledRequirement requirement)
    {
        if (!requirement.MustEnroll(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
