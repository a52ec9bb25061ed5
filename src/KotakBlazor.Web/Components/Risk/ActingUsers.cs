using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Components.Risk;

/// <summary>The signed-in person as the trading services take them.</summary>
public static class ActingUsers
{
    /// <summary>
    /// The circuit's user as the server knows them. Nobody signed in becomes a user without a role,
    /// whom every trading service refuses.
    /// </summary>
    public static async Task<ActingUser> ActingAsync(this CurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        return await currentUser.GetAsync() is { } user ? new ActingUser(user.UserName, user.Role) : new ActingUser("?", string.Empty);
    }
}
