using KotakBlazor.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace KotakBlazor.Web.Hosting;

/// <summary>The database, accounts and the start-up work that must finish before the first request.</summary>
public static class DataAndAccountsSetup
{
    public static void AddKotakDataAndAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddKotakPersistence(builder.Configuration);

        // Cookie and antiforgery keys live in the data folder, so sessions survive a restart
        // or a new container on the same volume.
        builder.Services.AddDataProtection()
            .SetApplicationName("KotakBlazor")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder.Resolve(builder.Configuration), "keys")));

        // Registered before every other hosted service: the database is ready (or start-up
        // has failed with a clear message) before feeds start and before Kestrel listens.
        builder.Services.AddHostedService<DatabaseStartup>();
    }
}
