using KotakBlazor.Web.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Health;

/// <summary>Which broker the app trades through and whether it is ready.</summary>
internal sealed class BrokerHealthCheck(IOptions<BrokerOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["mode"] = options.Value.Mode.ToString() };
        return Task.FromResult(options.Value.Mode == BrokerMode.Paper
            ? HealthCheckResult.Healthy("Paper broker on the simulated market.", data)
            : HealthCheckResult.Unhealthy($"Broker mode {options.Value.Mode} is not available in this build.", data: data));
    }
}
