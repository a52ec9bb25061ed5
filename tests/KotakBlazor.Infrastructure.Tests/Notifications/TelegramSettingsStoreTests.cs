using System.Text;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Tests.Notifications;

/// <summary>The bot token and chat id set by an admin: encrypted at rest, never logged or shown back in full.</summary>
public sealed class TelegramSettingsStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private NotificationRig _rig = null!;

    public async Task InitializeAsync() => _rig = await NotificationRig.StartAsync(telegramSetUp: false);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Saved_settings_load_back_unchanged()
    {
        await _rig.Settings.SaveAsync(FakeTelegramServer.Token, FakeTelegramServer.ChatId, true, "admin", None);

        Assert.Equal(new TelegramSettings(FakeTelegramServer.Token, FakeTelegramServer.ChatId, true), await _rig.Settings.LoadAsync(None));
    }

    [Fact]
    public async Task The_token_is_nowhere_in_clear_in_the_database_file_its_wal_or_the_columns()
    {
        await _rig.Settings.SaveAsync(FakeTelegramServer.Token, FakeTelegramServer.ChatId, true, "admin", None);

        await using (var connection = new SqliteConnection(_rig.Db.Options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT BotToken, ChatId FROM telegram_settings";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.StartsWith("CfDJ8", reader.GetString(0), StringComparison.Ordinal);
            Assert.StartsWith("CfDJ8", reader.GetString(1), StringComparison.Ordinal);
            AssertNoSecretIn(reader.GetString(0) + reader.GetString(1));
        }

        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(_rig.Db.Folder);
        Assert.Contains(_rig.Db.Options.DatabasePath, files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            AssertNoSecretIn(Encoding.UTF8.GetString(bytes));
            AssertNoSecretIn(Encoding.Unicode.GetString(bytes));
        }
    }

    [Fact]
    public async Task The_masked_view_shows_short_tails_only_and_nothing_secret_reaches_logs_or_audit()
    {
        await _rig.Settings.SaveAsync(FakeTelegramServer.Token, FakeTelegramServer.ChatId, false, "admin", None);

        var masked = (await _rig.Settings.LoadMaskedAsync(None))!;

        Assert.Equal(new MaskedTelegramSettings("••••Dsaw", "••••890", false, NotificationRig.Start, "admin"), masked);
        AssertNoSecretIn(masked.ToString());
        AssertNoSecretIn((await _rig.Settings.LoadAsync(None))!.ToString());
        Assert.NotEmpty(_rig.Logs.Lines);
        AssertNoSecretIn(_rig.Logs.AllText);
        var audit = Assert.Single(await new AuditLog(_rig.Db.ContextFactory, _rig.Clock).RecentAsync(10, None), a => a.Action.StartsWith("notifications.", StringComparison.Ordinal));
        Assert.Equal("notifications.telegram.saved", audit.Action);
        AssertNoSecretIn(audit.Details!);
    }

    [Fact]
    public async Task A_blank_token_keeps_the_stored_one_so_the_chat_can_change_without_pasting_it_again()
    {
        await _rig.Settings.SaveAsync(FakeTelegramServer.Token, FakeTelegramServer.ChatId, true, "admin", None);

        await _rig.Settings.SaveAsync("  ", "@kotak_alerts", false, "admin", None);

        Assert.Equal(new TelegramSettings(FakeTelegramServer.Token, "@kotak_alerts", false), await _rig.Settings.LoadAsync(None));
    }

    [Theory]
    [InlineData("not-a-token", "-100123", "bot token")]
    [InlineData("123456:short", "-100123", "bot token")]
    [InlineData(FakeTelegramServer.Token, "my chat", "chat id")]
    [InlineData("", "-100123", "Enter the bot token")]
    public async Task Settings_that_cannot_work_are_refused_and_nothing_is_stored(string token, string chat, string problem)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _rig.Settings.SaveAsync(token, chat, true, "admin", None));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Null(await _rig.Settings.LoadAsync(None));
    }

    [Fact]
    public async Task Settings_encrypted_with_lost_keys_read_as_not_set_and_must_be_saved_again()
    {
        await _rig.Settings.SaveAsync(FakeTelegramServer.Token, FakeTelegramServer.ChatId, true, "admin", None);
        var otherKeys = new TelegramSettingsStore(_rig.Db.ContextFactory,
            DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_rig.Db.Folder, "other-keys"))), _rig.Clock, new Logger<TelegramSettingsStore>(_rig.Logs));

        Assert.Null(await otherKeys.LoadAsync(None));
        Assert.Equal("(unreadable: save it again)", (await otherKeys.LoadMaskedAsync(None))!.BotToken);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => otherKeys.SaveAsync(null, FakeTelegramServer.ChatId, true, "admin", None));
        Assert.Contains("enter it again", error.Message, StringComparison.Ordinal);
    }

    private static void AssertNoSecretIn(string text)
    {
        Assert.DoesNotContain(FakeTelegramServer.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramServer.Token.Split(':')[1], text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTelegramServer.ChatId, text, StringComparison.Ordinal);
    }
}
