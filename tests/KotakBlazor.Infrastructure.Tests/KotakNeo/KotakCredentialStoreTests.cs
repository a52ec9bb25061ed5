using System.Text;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;
using KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;
using KotakBlazor.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

public sealed class KotakCredentialStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly KotakCredentials Secrets = FakeKotakAccount.Default.Credentials;
    private static readonly DateTimeOffset At = IndianMarketTime.AtIst(new DateOnly(2026, 12, 4), new TimeOnly(9, 0));

    private readonly ManualClock _clock = new(At);
    private readonly CapturedLogs _logs = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await new TestDatabase(_clock).InitializedAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Saved_credentials_load_back_unchanged()
    {
        var store = Store();
        await store.SaveAsync(Secrets, "admin", None);

        Assert.Equal(Secrets, await Store().LoadAsync(None));
        Assert.True(await store.HasCredentialsAsync(None));
    }

    [Fact]
    public async Task No_secret_appears_in_clear_in_the_database_columns_or_files()
    {
        await Store().SaveAsync(Secrets, "admin", None);
        await Store().SaveSessionAsync(Session(), None);

        await using (var connection = new SqliteConnection(_db.Options.ConnectionString))
        {
            await connection.OpenAsync();
            var columns = (await ReadAllAsync(connection, "SELECT AccessToken, MobileNumber, Ucc, Mpin, TotpSecret FROM broker_credentials"))
                .Concat(await ReadAllAsync(connection, "SELECT Payload FROM broker_sessions")).ToList();
            Assert.Equal(6, columns.Count);
            Assert.All(columns, value => Assert.StartsWith("CfDJ8", value, StringComparison.Ordinal));
            AssertNoSecretIn(string.Join("\n", columns));
        }

        SqliteConnection.ClearAllPools();
        // The database and its WAL: a fresh write may sit in the WAL file rather than the database file.
        var files = Directory.GetFiles(_db.Folder);
        Assert.Contains(_db.Options.DatabasePath, files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            AssertNoSecretIn(Encoding.UTF8.GetString(bytes));
            AssertNoSecretIn(Encoding.Unicode.GetString(bytes));
        }
    }

    [Fact]
    public async Task The_masked_view_shows_only_short_tails_and_who_saved_them_when()
    {
        await Store().SaveAsync(Secrets, "admin", None);

        var masked = (await Store().LoadMaskedAsync(None))!;

        Assert.Equal(new MaskedKotakCredentials("••••4c6e", "••••1234", "••••K7", "••••", "••••", At, "admin"), masked);
        AssertNoSecretIn(masked.ToString());
    }

    [Fact]
    public async Task Nothing_secret_reaches_the_logs_or_the_audit_trail()
    {
        var store = Store();
        await store.SaveAsync(Secrets, "admin", None);
        await store.LoadAsync(None);
        await store.SaveSessionAsync(Session(), None);
        await store.LoadSessionAsync(None);
        await store.ClearAsync("admin", None);

        Assert.NotEmpty(_logs.Lines);
        AssertNoSecretIn(_logs.AllText);
        var audit = await new AuditLog(_db.ContextFactory, _clock).RecentAsync(10, None);
        Assert.Equal(["broker.credentials.cleared", "broker.credentials.saved"], audit.Select(a => a.Action));
        AssertNoSecretIn(string.Join("\n", audit.Select(a => a.Details)));
    }

    [Fact]
    public void Records_print_masked()
    {
        AssertNoSecretIn(Secrets.ToString());
        AssertNoSecretIn(Session().ToString());
        Assert.Equal("Kotak Neo credentials for UCC ••••K7", Secrets.ToString());
    }

    [Fact]
    public async Task A_session_round_trips_and_saving_new_credentials_forgets_it()
    {
        var store = Store();
        await store.SaveAsync(Secrets, "admin", None);
        var session = Session();
        await store.SaveSessionAsync(session, None);

        Assert.Equal(session, await Store().LoadSessionAsync(None));

        await store.SaveAsync(Secrets with { Mpin = "111222" }, "admin", None);
        Assert.Null(await store.LoadSessionAsync(None));
        Assert.Equal("111222", (await store.LoadAsync(None))!.Mpin);
    }

    [Fact]
    public async Task Clearing_forgets_credentials_and_session()
    {
        var store = Store();
        await store.SaveAsync(Secrets, "admin", None);
        await store.SaveSessionAsync(Session(), None);

        await store.ClearAsync("admin", None);

        Assert.Null(await store.LoadAsync(None));
        Assert.Null(await store.LoadMaskedAsync(None));
        Assert.Null(await store.LoadSessionAsync(None));
        Assert.False(await store.HasCredentialsAsync(None));
    }

    [Fact]
    public async Task Credentials_encrypted_with_lost_keys_are_reported_as_unreadable_and_a_session_is_simply_dropped()
    {
        await Store().SaveAsync(Secrets, "admin", None);
        await Store().SaveSessionAsync(Session(), None);
        var otherKeys = Store(Path.Combine(_db.Folder, "other-keys"));

        var error = await Assert.ThrowsAsync<KotakCredentialsUnreadableException>(() => otherKeys.LoadAsync(None));
        Assert.Contains("Enter the credentials again", error.Message, StringComparison.Ordinal);
        Assert.Null(await otherKeys.LoadSessionAsync(None));
    }

    [Fact]
    public async Task Credentials_with_problems_are_refused_with_every_problem_named()
    {
        var bad = Secrets with { Mpin = "12", TotpSecret = "not-base32!" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store().SaveAsync(bad, "admin", None));

        Assert.Contains("MPIN should be 4 to 6 digits", error.Message, StringComparison.Ordinal);
        Assert.Contains("TOTP secret is not valid", error.Message, StringComparison.Ordinal);
        Assert.False(await Store().HasCredentialsAsync(None));
    }

    [Theory]
    [InlineData("9876501234", "+919876501234")]
    [InlineData("+91 98765 01234", "+919876501234")]
    [InlineData("919876501234", "+919876501234")]
    public void The_mobile_number_is_sent_with_the_country_code(string typed, string sent)
    {
        Assert.Equal(sent, (Secrets with { MobileNumber = typed }).MobileNumberForLogin);
    }

    private KotakCredentialStore Store(string? keyFolder = null) => new(
        _db.ContextFactory,
        DataProtectionProvider.Create(new DirectoryInfo(keyFolder ?? Path.Combine(_db.Folder, "keys")), b => b.SetApplicationName("KotakBlazor")),
        _clock,
        new Logger<KotakCredentialStore>(_logs),
        new AuditLog(_db.ContextFactory, _clock));

    private static KotakSession Session() => new("trade-jwt-secret-9d8c7b", "trade-sid-secret-6a5f", new Uri("https://e43.kotaksecurities.com"),
        new Uri("wss://sfeed.kotaksecurities.com/wsfeed"), new Uri("wss://e43.kotaksecurities.com/realtime"), "E43", "", At);

    private static void AssertNoSecretIn(string text)
    {
        foreach (var secret in new[] { Secrets.AccessToken, Secrets.MobileNumber, "9876501234", Secrets.Ucc, Secrets.Mpin, Secrets.TotpSecret, "trade-jwt-secret-9d8c7b", "trade-sid-secret-6a5f" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<List<string>> ReadAllAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.GetString(i));
            }
        }

        return values;
    }
}
