using KotakBlazor.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KotakBlazor.Web.Health;

/// <summary><c>GET /healthz</c>: the database, each feed and the broker, as JSON; 200 when healthy, 503 when not.</summary>
public static class HealthSetup
{
    public static void AddKotakHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<FeedHealthCheck>("feeds")
            .AddCheck<BrokerHealthCheck>("broker");
    }

    public static void MapKotakHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous on purpose: load balancers and monitors probe it; it holds no secrets.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
    }
}
