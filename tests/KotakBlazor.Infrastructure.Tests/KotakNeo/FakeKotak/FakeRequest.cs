namespace KotakBlazor.Infrastructure.Tests.KotakNeo.FakeKotak;

/// <summary>One request as the fake server received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The decoded path.</param>
/// <param name="RawTarget">The request target exactly as sent (escaping visible).</param>
/// <param name="Headers">Headers, names lower-cased.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The raw body.</param>
/// <param name="JData">The <c>jData</c> form field, when the body is a form.</param>
internal sealed record FakeRequest(
    string Method, string Path, string RawTarget, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body, string? JData)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
