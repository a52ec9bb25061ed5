using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace KotakBlazor.Web.Auth;

/// <summary>The signed-in person of this circuit, read from the authentication state.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<(int Id, string UserName, string Role)?> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true || !int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        return (id, user.Identity.Name ?? "?", user.FindFirstValue(ClaimTypes.Role) ?? string.Empty);
    }
}
