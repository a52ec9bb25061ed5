using KotakBlazor.Infrastructure.Orders;
using KotakBlazor.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Tests.Hosting;

/// <summary>Intents are fsynced only when the broker is outside the process (ADR 0016), unless configured otherwise.</summary>
public sealed class OrderStoreSetupTests
{
    [Theory]
    [InlineData("Paper", null, false)]
    [InlineData("KotakPaper", null, false)]
    [InlineData("KotakNeo", null, true)]
    [InlineData("Paper", "true", true)]
    [InlineData("KotakNeo", "false", false)]
    public async Task Broker_mode_decides_whether_intents_are_fsynced_and_the_setting_overrides_it(string mode, string? configured, bool expected)
    {
        var settings = new Dictionary<string, string> { ["Broker:Mode"] = mode };
        if (configured is not null)
        {
            settings["OrderStore:FsyncIntents"] = configured;
        }

        await using var app = LoopbackApp.Build(settings, LoopbackApp.NewDataFolder());

        Assert.Equal(expected, app.Services.GetRequiredService<IOptions<OrderStoreOptions>>().Value.FsyncIntents);
    }
}
