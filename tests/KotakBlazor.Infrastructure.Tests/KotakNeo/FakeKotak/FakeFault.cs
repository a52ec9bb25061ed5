namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>What the fake server can do wrong on purpose.</summary>
internal enum FakeFault
{
    /// <summary>HTTP 429 with Kotak's rate-limit body, without acting.</summary>
    RateLimited,
    /// <summary>HTTP 500 without acting.</summary>
    ServerError,
    /// <summary>HTTP 503 without acting.</summary>
    Unavailable,
    /// <summary>HTTP 403 without acting (the other way Kotak says the session is invalid).</summary>
    Forbidden,
    /// <summary>HTTP 403 with stCode 100008 (not from the registered static IP), without acting.</summary>
    StaticIpRefused,
    /// <summary>Acts, then answers 200 with a truncated JSON body.</summary>
    MalformedJson,
    /// <summary>Acts, then holds the answer until released or until the client gives up.</summary>
    SlowAfterActing,
    /// <summary>Holds the request before acting, until released or until the client gives up.</summary>
    SlowBeforeActing,
}
