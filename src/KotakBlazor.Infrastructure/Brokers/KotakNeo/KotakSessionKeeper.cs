using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>
/// Holds the Kotak Neo session: reuses the stored one while it is young enough, logs in when there is
/// none, and logs in again (once, for however many callers noticed at the same time) when the broker
/// refuses it. After a refused login it waits before trying again, because a repeated wrong MPIN can
/// lock the account.
/// </summary>
public sealed class KotakSessionKeeper : IDisposable
{
    private readonly KotakLoginClient _login;
    private readonly IKotakCredentialVault _vault;
    private readonly KotakNeoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KotakSession? _current;
    private KotakCredentials? _credentials;
    private (KotakCredentials Credentials, DateTimeOffset At)? _refused;

    internal KotakSessionKeeper(KotakLoginClient login, IKotakCredentialVault vault, KotakNeoOptions options, TimeProvider time, ILogger logger)
    {
        _login = login;
        _vault = vault;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The session in use, if any.</summary>
    public KotakSession? Current => Volatile.Read(ref _current);

    /// <summary>Why the last login failed; null after a success.</summary>
    public BrokerError? LastLoginError { get; private set; }

    /// <summary>When the last successful login finished.</summary>
    public DateTimeOffset? LastLoginAt { get; private set; }

    /// <summary>Logins made since start (a count that climbs during the day means sessions keep being refused).</summary>
    public int LoginCount { get; private set; }

    /// <summary>Every session taken into use (a new login or a stored session): feed clients reconnect with it.</summary>
    public EventStream<KotakSession> SessionStarted { get; } = new();

    /// <summary>The access token of the credentials in use (for calls that need only it).</summary>
    internal string? AccessToken => Volatile.Read(ref _credentials)?.AccessToken;

    /// <summary>A usable session: the current one, the stored one, or a fresh login.</summary>
    public async Task<BrokerResult<KotakSession>> GetAsync(CancellationToken cancellationToken)
    {
        if (Usable(Current) is { } current && AccessToken is not null)
        {
            return BrokerResult<KotakSession>.Ok(current);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_current) is { } again && _credentials is not null)
            {
                return BrokerResult<KotakSession>.Ok(again);
            }

            if (await LoadCredentialsAsync(cancellationToken) is null)
            {
                return ForCalls(BrokerResult<KotakSession>.Fail(LastLoginError!));
            }

            if (_current is null && Usable(await _vault.LoadSessionAsync(cancellationToken)) is { } stored)
            {
                _logger.LogInformation("Reusing the stored {Session}", stored);
                TakeIntoUse(stored);
                return BrokerResult<KotakSession>.Ok(stored);
            }

            return ForCalls(await LoginLockedAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Logs in again because the broker refused <paramref name="rejected"/>; when another caller already
    /// did so, returns that newer session instead of logging in twice.
    /// </summary>
    public async Task<BrokerResult<KotakSession>> RenewAsync(KotakSession? rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_current) is { } newer && (rejected is null || newer.Token != rejected.Token))
            {
                return BrokerResult<KotakSession>.Ok(newer);
            }

            Volatile.Write(ref _current, null);
            await _vault.ClearSessionAsync(cancellationToken);
            return ForCalls(await LoginLockedAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Logs in now, whatever the state (a person pressed "log in"); a refusal comes back in the broker's words.</summary>
    public async Task<BrokerResult<KotakSession>> LoginAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _refused = null;
            Volatile.Write(ref _credentials, null);
            return await LoginLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the session and the credentials read so far (call it after the credentials change).</summary>
    public async Task ForgetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Volatile.Write(ref _current, null);
            Volatile.Write(ref _credentials, null);
            _refused = null;
            LastLoginError = null;
            await _vault.ClearSessionAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the credentials if not read yet (for calls that need only the access token).</summary>
    internal async Task<KotakCredentials?> LoadCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _credentials) is { } known)
        {
            return known;
        }

        try
        {
            var loaded = await _vault.LoadAsync(cancellationToken);
            if (loaded is null)
            {
                LastLoginError = new BrokerError(BrokerErrorKind.Refused, "The Kotak Neo credentials are not set: an admin enters them on the broker settings page.");
                return null;
            }

            Volatile.Write(ref _credentials, loaded);
            return loaded;
        }
        catch (KotakCredentialsUnreadableException e)
        {
            LastLoginError = new BrokerError(BrokerErrorKind.Refused, e.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<BrokerResult<KotakSession>> LoginLockedAsync(CancellationToken cancellationToken)
    {
        var credentials = await LoadCredentialsAsync(cancellationToken);
        if (credentials is null)
        {
            return BrokerResult<KotakSession>.Fail(LastLoginError!);
        }

        var now = _time.GetUtcNow();
        if (_refused is { } refused && refused.Credentials == credentials && now - refused.At < _options.LoginCooldownAfterRefusal && LastLoginError is { } last)
        {
            var retryAt = Core.Time.IndianMarketTime.ToIst(refused.At + _options.LoginCooldownAfterRefusal);
            return BrokerResult<KotakSession>.Fail(last with
            {
                Message = $"{last.Message} (not retried before {retryAt:HH:mm:ss} IST, so that repeated attempts do not lock the account; fix the credentials or log in by hand)",
            });
        }

        var result = await _login.LoginAsync(credentials, cancellationToken);
        if (!result.IsSuccess)
        {
            LastLoginError = result.Error;
            if (result.Error!.Kind == BrokerErrorKind.Refused)
            {
                _refused = (credentials, now);
            }

            _logger.LogError("Kotak Neo login failed: {Error}", result.Error);
            return result;
        }

        var session = result.Value!;
        _refused = null;
        LastLoginError = null;
        LastLoginAt = session.CreatedAt;
        LoginCount++;
        _logger.LogInformation("Logged in to Kotak Neo: {Session}", session);
        try
        {
            await _vault.SaveSessionAsync(session, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The session works without being stored; only a restart would need a fresh login.
            _logger.LogWarning(e, "The Kotak Neo session could not be stored; a restart will log in again");
        }

        TakeIntoUse(session);
        return result;
    }

    private void TakeIntoUse(KotakSession session)
    {
        Volatile.Write(ref _current, session);
        SessionStarted.Publish(session);
    }

    private KotakSession? Usable(KotakSession? session) => session is not null && session.IsUsableAt(_time.GetUtcNow(), _options.SessionMaxAge) ? session : null;

    /// <summary>A login failure as the answer to a broker call: nothing was done, so the call may be made again once logged in.</summary>
    private static BrokerResult<KotakSession> ForCalls(BrokerResult<KotakSession> login)
    {
        if (login.IsSuccess || login.Error!.Kind is BrokerErrorKind.Unreachable or BrokerErrorKind.RateLimited)
        {
            return login;
        }

        return BrokerResult<KotakSession>.Fail(new BrokerError(BrokerErrorKind.SessionExpired, "Not logged in to Kotak Neo. " + login.Error.Message, login.Error.Code));
    }
}
