using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Web.Hosting;

// The whole host is built in KotakBlazorHost so the tests start exactly this app on loopback.
try
{
    var app = KotakBlazorHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (DatabaseStartupException ex)
{
    await Console.Error.WriteLineAsync($"KotakBlazor cannot start: {ex.Message}");
    return 2;
}
catch (StartupConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"KotakBlazor cannot start: {ex.Message}");
    return 3;
}
