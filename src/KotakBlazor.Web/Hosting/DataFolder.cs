using KotakBlazor.Infrastructure.Persistence;

namespace KotakBlazor.Web.Hosting;

/// <summary>The configured data folder, resolved once the same way for logs, keys and recordings.</summary>
public static class DataFolder
{
    public static string Resolve(IConfiguration configuration)
    {
        var data = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return Path.GetFullPath(data.Folder);
    }
}
