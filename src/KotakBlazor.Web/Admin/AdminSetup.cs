namespace KotakBlazor.Web.Admin;

/// <summary>The admin's services: users and the audit log viewer. Both check the caller's role themselves.</summary>
public static class AdminSetup
{
    public static void AddKotakAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserAdministration>();
        builder.Services.AddSingleton<AuditViewer>();
    }
}
