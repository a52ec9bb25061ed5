using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components;
using KotakBlazor.Web.Health;
using KotakBlazor.Web.Hubs;
using KotakBlazor.Web.Trading;
using Radzen;

namespace KotakBlazor.Web.Hosting;

/// <summary>Builds the web application: services, then the request pipeline.</summary>
public static class KotakBlazorHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Tests run this app from their own folder; the app's name finds its static web assets.
            ApplicationName = typeof(KotakBlazorHost).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        // Package static assets (Radzen's CSS and JS) come from the build output outside Development too.
        builder.WebHost.UseStaticWebAssets();
        builder.AddKotakLogging();
        builder.AddKotakClock();
        builder.AddKotakDataAndAccounts();
        builder.AddKotakTickRecording();
        builder.AddKotakMarketData();
        builder.AddKotakKernel();
        builder.AddKotakCalendar();
        builder.AddKotakOperations();
        builder.AddKotakTrading();
        builder.AddKotakPlacements();
        builder.AddKotakAuth();
        builder.AddKotakHealthChecks();
        builder.AddKotakHub();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapKotakHealthChecks();
        app.MapAccountEndpoints();
        app.MapJournalEndpoints();
        app.MapKotakHub();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .Add(FrameworkScriptsAreAnonymous);
        return app;
    }

    // The fallback policy protects every endpoint; the login page still needs Blazor's own scripts.
    private static void FrameworkScriptsAreAnonymous(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal) == true)
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
    }
}
