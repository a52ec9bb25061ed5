using System.Text.Json;

namespace KotakBlazor.Infrastructure.Brokers.KotakNeo;

/// <summary>What a call may do at the broker, which decides its pacing budget and whether it may be retried.</summary>
internal enum KotakCallKind
{
    /// <summary>A login step: request budget, never retried blindly (a wrong MPIN repeated can lock the account).</summary>
    Login,
    /// <summary>A read: request budget, retried after a 5xx, a timeout or a dropped connection.</summary>
    Read,
    /// <summary>Place, modify or cancel: order budget, never resent once it may have reached the broker.</summary>
    Order,
}

/// <summary>One HTTP call to Kotak: where, how, and its body (a <c>jData</c> form field or a JSON body).</summary>
internal sealed record KotakCall(string Name, HttpMethod Method, Uri Url, KotakCallKind Kind)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The JSON sent as the form field <c>jData</c> (POST bodies after login).</summary>
    public string? JData { get; init; }

    /// <summary>A JSON body (the login steps).</summary>
    public string? Json { get; init; }
}

/// <summary>An answer that came back as JSON with a status the caller must still read (a 200 can carry an error).</summary>
internal readonly record struct KotakReply(int HttpStatus, JsonElement Body)
{
    public bool IsHttpSuccess => HttpStatus is >= 200 and < 300;
}
