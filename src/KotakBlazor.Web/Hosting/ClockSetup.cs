using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// The one clock every service asks. <c>Clock:Speed</c> above 1 runs the simulated market
/// faster than real time (demos, browser tests); it is refused outside Paper mode.
/// </summary>
public static class ClockSetup
{
    public static void AddKotakClock(this WebApplicationBuilder builder)
    {
        var speed = builder.Configuration.GetValue("Clock:Speed", 1.0);
        if (speed == 1.0)
        {
            builder.Services.AddSingleton(TimeProvider.System);
            return;
        }

        var mode = builder.Configuration.GetValue("Broker:Mode", BrokerMode.Paper);
        if (mode != BrokerMode.Paper)
        {
            throw new StartupConfigurationException($"Clock:Speed {speed} is only allowed with Broker:Mode Paper; real markets run at real time.");
        }

        if (!(speed > 0) || speed > 1000)
        {
            throw new StartupConfigurationException($"Clock:Speed must be above 0 and at most 1000 (got {speed}).");
        }

        builder.Services.AddSingleton<TimeProvider>(new AcceleratedClock(speed));
    }
}
