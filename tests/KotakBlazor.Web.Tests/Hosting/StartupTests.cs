using KotakBlazor.Infrastructure.Persistence;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task A_fresh_data_folder_gets_a_migrated_database_and_the_configured_admin()
    {
        await using var app = await LoopbackApp.StartAsync();

        Assert.True(File.Exists(Path.Combine(app.DataFolder, "kotakblazor.db")));
        Assert.True(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "logs")).Any());
        var (client, _) = await app.SignedInClientAsync("admin", LoopbackApp.AdminPassword);
        client.Dispose();
    }

    [Fact]
    public async Task A_corrupt_database_file_stops_startup_with_advice_and_is_left_untouched()
    {
        var folder = LoopbackApp.NewDataFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "kotakblazor.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage);
        await using var app = LoopbackApp.Build(null, folder);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => app.StartAsync());

        Assert.Contains("Restore it from a backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_second_instance_on_the_same_data_folder_refuses_to_start()
    {
        await using var first = await LoopbackApp.StartAsync();
        await using var second = LoopbackApp.Build(null, first.DataFolder);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => second.StartAsync());

        Assert.Contains("in use by another KotakBlazor process", error.Message, StringComparison.Ordinal);
        using var client = first.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task With_recording_on_accepted_ticks_are_written_in_the_replay_format()
    {
        await using var app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Recording:Enabled"] = "true" });
        await MarketWait.UntilTicksFlowAsync(app, 50);

        // Stopping flushes the recorder; the fixture deletes the folder only when disposed.
        await app.App.StopAsync();

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataFolder, "ticks"), "ticks-*.csv"));
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("timestamp,symbol,ltp,qty,volume,oi", lines[0]);
        Assert.True(lines.Length > 50, $"only {lines.Length} lines recorded");
    }
}
