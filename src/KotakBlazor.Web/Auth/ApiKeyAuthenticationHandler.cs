using System.Security.Claims;
using System.Text.Encodings.Web;
using KotakBlazor.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KotakBlazor.Web.Auth;

/// <summary>
/// Authenticates outside clients by an API key an admin created: the <c>X-Api-Key</c> header,
/// or, for browsers whose WebSocket API cannot set headers, the <c>access_token</c> query
/// parameter on hub requests (the SignalR convention).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService apiKeys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ApiKeyClaim = "kb:api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[HeaderName];
        if (string.IsNullOrEmpty(key) && Request.Path.StartsWithSegments("/hubs"))
        {
            key = Request.Query["access_token"];
        }

        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        var record = await apiKeys.ValidateAsync(key, Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "api:" + record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, "api:" + record.Name),
                new Claim(ClaimTypes.Role, record.Role),
                new Claim(ApiKeyClaim, record.Prefix),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
