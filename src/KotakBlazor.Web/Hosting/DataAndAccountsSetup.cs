using KotakBlazor.Infrastructure;

namespace KotakBlazor.Web.Hosting;

/// <summary>The database, accounts and the start-up work that must finish before the first request.</summary>
public static class DataAndAccountsSetup
{
    public static void AddKotakDataAndAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddKotakPersistence(builder.Configuration);

        // Registered before every other hosted service: the database is ready (or start-up
        // has failed with a clear message) before feeds start and before Kestrel listens.
        builder.Services.AddHostedService<DatabaseStartup>();
    }
}
