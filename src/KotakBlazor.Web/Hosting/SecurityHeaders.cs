namespace KotakBlazor.Web.Hosting;

/// <summary>
/// Headers on every response: no framing, no content sniffing, no referrer, a content security policy
/// that keeps scripts, styles, connections and form posts on this origin, no powerful browser features,
/// HSTS over HTTPS outside Development, and no caching of the account pages (secrets, recovery codes).
/// </summary>
/// <remarks>
/// script-src keeps 'unsafe-inline' for the framework's inline import map (a nonce would need the app
/// shell to pass it on); 'unsafe-eval' is not needed by Blazor Server, Radzen, SignalR or the charts.
/// 'self' in connect-src covers the circuit's same-origin WebSocket (CSP level 3), so no other host is
/// reachable from a page.
/// </remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

    /// <summary>One year, subdomains included: set only on HTTPS responses, where a browser honours it.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Development runs on plain HTTP and localhost certificates come and go: HSTS there would pin browsers to HTTPS for a year.
        var hsts = !app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
        return app.Use(async (context, next) =>
        {
            Apply(context, hsts);
            await next(context);
        });
    }

    /// <summary>Sets the headers on a response about to start.</summary>
    public static void Apply(HttpContext context, bool hsts)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (hsts && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (context.Request.Path.StartsWithSegments("/account"))
        {
            headers.CacheControl = "no-store";
        }
    }
}
