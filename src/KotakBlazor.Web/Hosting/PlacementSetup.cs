using KotakBlazor.Core.Execution.Batches;
using KotakBlazor.Infrastructure.Placements;
using KotakBlazor.Web.Placements;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// Batched multi-leg placements (the strategy builder's strangles, condors and spreads): the
/// placement desk on top of the order desk, its SQLite store, the commands with their role
/// checks, and the start-up that finds placements a restart interrupted.
/// </summary>
public static class PlacementSetup
{
    public static void AddKotakPlacements(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(_ => builder.Configuration.GetSection(PlacementOptions.SectionName).Get<PlacementOptions>() ?? new PlacementOptions());
        services.AddSingleton<IPlacementStore, PlacementStore>();
        services.AddSingleton<PlacementDesk>();
        services.AddSingleton<PlacementCommands>();
        services.AddScoped<PlacementScreen>();
        services.AddHostedService<PlacementStartup>();
    }
}
