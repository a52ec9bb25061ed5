using KotakBlazor.Core.Notifications;
using KotakBlazor.Infrastructure.Notifications;

namespace KotakBlazor.Infrastructure.Tests.Notifications;

public sealed class TelegramMarkdownTests
{
    [Theory]
    [InlineData("_", "\\_")]
    [InlineData("*", "\\*")]
    [InlineData("[", "\\[")]
    [InlineData("]", "\\]")]
    [InlineData("(", "\\(")]
    [InlineData(")", "\\)")]
    [InlineData("~", "\\~")]
    [InlineData("`", "\\`")]
    [InlineData(">", "\\>")]
    [InlineData("#", "\\#")]
    [InlineData("+", "\\+")]
    [InlineData("-", "\\-")]
    [InlineData("=", "\\=")]
    [InlineData("|", "\\|")]
    [InlineData("{", "\\{")]
    [InlineData("}", "\\}")]
    [InlineData(".", "\\.")]
    [InlineData("!", "\\!")]
    [InlineData("\\", "\\\\")]
    [InlineData("NIFTY 24500 CE", "NIFTY 24500 CE")]
    [InlineData("-₹1,234.50", "\\-₹1,234\\.50")]
    [InlineData("BUY 50 NIFTY26D0826000CE Limit @ 101.5 [Open]", "BUY 50 NIFTY26D0826000CE Limit @ 101\\.5 \\[Open\\]")]
    [InlineData("win rate 62.5% (5 won, 3 lost)", "win rate 62\\.5% \\(5 won, 3 lost\\)")]
    [InlineData("a_b*c~d`e>f#g+h=i|j{k}l!m", "a\\_b\\*c\\~d\\`e\\>f\\#g\\+h\\=i\\|j\\{k\\}l\\!m")]
    [InlineData("", "")]
    public void Every_reserved_character_is_escaped_and_nothing_else(string text, string escaped)
    {
        Assert.Equal(escaped, TelegramMarkdown.Escape(text));
    }

    [Fact]
    public void A_notification_is_a_bold_escaped_title_then_the_escaped_body()
    {
        var notification = new Notification(NotificationKind.OrderRejected, NotificationSeverity.Warning, "Order rejected: SELL 65 NIFTY26D0826000CE",
            "RMS: margin shortfall (₹12,345.60).\nBroker order 2612050001.", DateTimeOffset.UnixEpoch);

        Assert.Equal("⚠️ *Order rejected: SELL 65 NIFTY26D0826000CE*\nRMS: margin shortfall \\(₹12,345\\.60\\)\\.\nBroker order 2612050001\\.",
            TelegramMarkdown.Format(notification));
    }

    [Fact]
    public void A_very_long_body_is_cut_to_telegrams_limit_without_a_dangling_escape()
    {
        var body = string.Concat(Enumerable.Repeat("1.", 3000));
        var text = TelegramMarkdown.Format(new Notification(NotificationKind.System, NotificationSeverity.Info, "Long", body, DateTimeOffset.UnixEpoch));

        Assert.True(text.Length <= TelegramMarkdown.MaxLength);
        Assert.False(text.EndsWith('\\'));
    }
}
