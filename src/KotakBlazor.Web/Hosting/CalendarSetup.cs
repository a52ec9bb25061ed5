using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;

namespace KotakBlazor.Web.Hosting;

/// <summary>
/// The market calendar from <c>MarketCalendar</c>: exchange holidays and session times. Registered
/// before the trading setup, whose weekday-only default it replaces, so the risk engine, the
/// paper broker, the simulator, the order-status verifier and the end-of-day cleanup all see the
/// same holidays. A list that cannot be right stops the start with a message.
/// </summary>
public static class CalendarSetup
{
    public static void AddKotakCalendar(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MarketCalendarOptions.SectionName);
        MarketCalendarOptions options;
        try
        {
            options = section.Get<MarketCalendarOptions>() ?? new MarketCalendarOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new StartupConfigurationException($"{MarketCalendarOptions.SectionName} cannot be read: {e.Message} Holidays are {{ \"Date\": \"yyyy-MM-dd\", \"Name\": \"...\" }}; times are HH:mm.");
        }

        var problems = options.Sessions.Problems();
        if (problems.Count > 0)
        {
            throw new StartupConfigurationException($"{MarketCalendarOptions.SectionName}:Sessions: {string.Join(" ", problems)}");
        }

        NseTradingCalendar calendar;
        try
        {
            calendar = new NseTradingCalendar(options.Holidays);
        }
        catch (ArgumentException e)
        {
            throw new StartupConfigurationException($"{MarketCalendarOptions.SectionName}:Holidays: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        builder.Services.AddSingleton(options.Sessions);
        builder.Services.AddSingleton(calendar);
        builder.Services.AddSingleton<ITradingCalendar>(calendar);
        builder.Services.AddSingleton(new ExpiryCalendar(calendar));
    }
}
