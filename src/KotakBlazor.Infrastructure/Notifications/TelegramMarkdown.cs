using System.Text;
using KotakBlazor.Core.Notifications;

namespace KotakBlazor.Infrastructure.Notifications;

/// <summary>
/// Telegram's MarkdownV2: every one of <c>_*[]()~`&gt;#+-=|{}.!</c> and the backslash itself must be
/// escaped with a backslash in plain text, or Telegram refuses the whole message with a 400
/// ("can't parse entities"). A rupee amount like "-₹1,234.50" alone needs two escapes.
/// </summary>
public static class TelegramMarkdown
{
    /// <summary>The characters MarkdownV2 reserves, plus the escape character itself.</summary>
    public const string Reserved = "\\_*[]()~`>#+-=|{}.!";

    /// <summary>The longest message Telegram accepts, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary><paramref name="text"/> with every reserved character escaped, so Telegram shows it as written.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The message for a notification: a marker for its severity, the title in bold, then the body.</summary>
    public static string Format(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var marker = notification.Severity switch
        {
            NotificationSeverity.Critical => "🚨 ",
            NotificationSeverity.Warning => "⚠️ ",
            NotificationSeverity.Success => "✅ ",
            _ => "ℹ️ ",
        };
        var body = notification.Body.Length > 3500 ? notification.Body[..3500] + "…" : notification.Body;
        var text = marker + "*" + Escape(notification.Title) + "*" + (body.Length > 0 ? "\n" + Escape(body) : string.Empty);
        // Escapes can push a long body over the limit; a cut must not leave a lone backslash at the end.
        return text.Length <= MaxLength ? text : text[..MaxLength].TrimEnd('\\');
    }
}
