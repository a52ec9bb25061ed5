using KotakBlazor.Web.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KotakBlazor.Web.Broker;

/// <summary>
/// <c>/healthz</c>'s "broker" entry for every mode: Paper is healthy; in the Kotak modes the app is healthy
/// when logged in and unhealthy when not (it runs and says why on screen, but cannot trade or get prices:
/// a monitor should call someone).
/// </summary>
internal sealed class BrokerModeHealthCheck(BrokerHealthService health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await health.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["mode"] = snapshot.Mode.ToString(), ["broker"] = snapshot.Broker };
        if (snapshot.Mode == BrokerMode.Paper)
        {
            return HealthCheckResult.Healthy("Paper broker on the simulated market.", data);
        }

        var login = snapshot.Login!;
        data["loggedIn"] = login.LoggedIn;
        if (login.SessionAge is { } age)
        {
            data["sessionAgeMinutes"] = Math.Round(age.TotalMinutes, 1);
        }

        return login.LoggedIn
            ? HealthCheckResult.Healthy($"{snapshot.Broker} logged in ({snapshot.Mode}).", data)
            : HealthCheckResult.Unhealthy(login.Problem ?? KotakBrokerLogin.NotLoggedIn, data: data);
    }
}
