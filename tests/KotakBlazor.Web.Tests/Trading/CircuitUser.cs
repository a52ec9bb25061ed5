using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace KotakBlazor.Web.Tests.Trading;

/// <summary>Signs a person into a DI scope the way a Blazor circuit is signed in, so scoped services such as the trading desk act as them.</summary>
internal static class CircuitUser
{
    public static void SignIn(IServiceProvider scope, string userName, string role)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)],
            "test");
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
    }
}
