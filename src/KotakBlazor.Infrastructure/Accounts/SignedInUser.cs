namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Who is signed in: what the authentication cookie carries.</summary>
/// <param name="Id">users.Id.</param>
/// <param name="UserName">The user name.</param>
/// <param name="Role">Admin, Trader or Viewer.</param>
/// <param name="SecurityStamp">Changes with the password, role or second factor, ending older sessions.</param>
/// <param name="UsedSecondFactor">Whether this sign-in passed an authenticator or recovery code.</param>
public sealed record SignedInUser(int Id, string UserName, string Role, string SecurityStamp, bool UsedSecondFactor = false);
