using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Health;

/// <summary>The database answers a query and has no pending migrations.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<KotakDbContext> contextFactory, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["file"] = Path.GetFileName(options.Value.DatabasePath) };
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Users.AsNoTracking().AnyAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            data["pendingMigrations"] = pending;
            return pending == 0
                ? HealthCheckResult.Healthy("SQLite database reachable.", data)
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be queried.", ex, data);
        }
    }
}
