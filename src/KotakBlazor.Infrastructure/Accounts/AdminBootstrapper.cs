using System.Security.Cryptography;
using KotakBlazor.Infrastructure.Watchlists;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Infrastructure.Accounts;

/// <summary>
/// On the first start (no users at all) creates the user <c>admin</c> with role Admin.
/// A generated password goes to the console once and never to the log files.
/// </summary>
public sealed class AdminBootstrapper(
    UserAccountService users,
    WatchlistStore watchlists,
    IOptions<BootstrapOptions> options,
    ILogger<AdminBootstrapper> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>Where a generated password is printed. The console, unless a test replaces it.</summary>
    public TextWriter Console { get; set; } = System.Console.Out;

    public async Task EnsureAdminAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyUsersAsync(cancellationToken))
        {
            return;
        }

        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        SignedInUser admin;
        try
        {
            admin = await users.CreateAsync(AdminUserName, password, UserRoles.Admin, "system", cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Bootstrap:AdminPassword is not acceptable: {ex.Message}", ex);
        }

        await watchlists.SeedDefaultsAsync(admin.Id, cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            await Console.WriteLineAsync(
                $"""

                 ==================================================================
                  KotakBlazor first start: created user '{AdminUserName}' (role Admin).
                  Password: {password}
                  It is shown this once. Set Bootstrap:AdminPassword to choose it.
                 ==================================================================

                """);
            await Console.FlushAsync(cancellationToken);
            logger.LogWarning("Created user {UserName} with a generated password, printed once to the console", AdminUserName);
        }
        else
        {
            logger.LogInformation("Created user {UserName} with the password from Bootstrap:AdminPassword", AdminUserName);
        }
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
}
