namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>Who is signed in: what the authentication cookie carries.</summary>
public sealed record SignedInUser(int Id, string UserName, string Role, string SecurityStamp);
