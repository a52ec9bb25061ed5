using KotakBlazor.Core.Options;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.MarketData.Simulation;
using KotakBlazor.Web.Hosting;
using KotakBlazor.Web.Tests.Support;

namespace KotakBlazor.Web.Tests.Hosting;

/// <summary>The market calendar as the app configures it from appsettings.json and the command line.</summary>
public sealed class CalendarSetupTests
{
    private static DateTimeOffset Ist(int month, int day, int hour) => IndianMarketTime.AtIst(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    [Fact]
    public async Task The_shipped_2026_holidays_reach_the_market_hours_the_risk_engine_and_the_simulator_use()
    {
        await using var app = await LoopbackApp.StartAsync(new Dictionary<string, string> { ["Simulator:MarketHoursOnly"] = "true" });

        var calendar = Assert.IsType<NseTradingCalendar>(app.Services.GetRequiredService<ITradingCalendar>());
        var hours = Assert.IsType<NseMarketHours>(app.Services.GetRequiredService<IMarketHours>());

        Assert.Equal(16, calendar.Holidays.Count);
        Assert.Equal("Republic Day", calendar.HolidayName(new DateOnly(2026, 1, 26)));
        Assert.Equal("Prakash Gurpurb Sri Guru Nanak Dev", calendar.HolidayName(new DateOnly(2026, 11, 24)));
        Assert.Same(calendar, hours.Calendar);
        Assert.False(hours.IsOpen(Ist(1, 26, 11)));
        Assert.True(hours.IsAfterMarketWindow(Ist(1, 26, 11)));
        Assert.Equal(Ist(11, 25, 9).AddMinutes(15), hours.NextOpen(Ist(11, 23, 16)));
        Assert.Equal(new DateOnly(2026, 11, 23), app.Services.GetRequiredService<ExpiryCalendar>().MonthlyExpiry(2026, 11));
        Assert.Equal(new DateOnly(2026, 11, 23), NiftyExpiryCalendar.MonthlyExpiry(2026, 11, app.Services.GetRequiredService<ITradingCalendar>()));
    }

    [Fact]
    public async Task Holidays_and_session_times_can_be_set_from_the_configuration()
    {
        await using var app = await LoopbackApp.StartAsync(new Dictionary<string, string>
        {
            ["Simulator:MarketHoursOnly"] = "true",
            ["MarketCalendar:Holidays:16:Date"] = "2027-01-26",
            ["MarketCalendar:Holidays:16:Name"] = "Republic Day",
            ["MarketCalendar:Sessions:NormalClose"] = "15:00",
        });

        var calendar = (NseTradingCalendar)app.Services.GetRequiredService<ITradingCalendar>();
        var hours = (NseMarketHours)app.Services.GetRequiredService<IMarketHours>();

        Assert.True(calendar.HasHolidaysFor(2027));
        Assert.False(calendar.IsTradingDay(new DateOnly(2027, 1, 26)));
        Assert.Equal(new TimeOnly(15, 0), hours.Times.NormalClose);
        Assert.Equal(new TimeOnly(15, 30), MarketSessionTimes.Nse.NormalClose);
        Assert.False(hours.IsOpen(IndianMarketTime.AtIst(new DateOnly(2026, 12, 7), new TimeOnly(15, 10))));
    }

    [Theory]
    [InlineData("MarketCalendar:Holidays:16:Date", "2026-01-26", "2026-01-26 is listed twice")]
    [InlineData("MarketCalendar:Sessions:PreOpenEnd", "09:30", "PreOpenEnd (09:30) must come before NormalOpen (09:15).")]
    public void A_calendar_that_cannot_be_right_stops_the_start_with_what_is_wrong(string key, string value, string message)
    {
        var settings = new Dictionary<string, string> { [key] = value, ["MarketCalendar:Holidays:16:Name"] = "Again" };

        var error = Assert.Throws<StartupConfigurationException>(() => LoopbackApp.Build(settings, LoopbackApp.NewDataFolder()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
