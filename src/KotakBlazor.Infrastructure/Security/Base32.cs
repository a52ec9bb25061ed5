namespace KotakBlazor.Infrastructure.Security;

/// <summary>
/// RFC 4648 base32, the alphabet authenticator apps use for TOTP secrets. Decoding is tolerant of the
/// ways people copy a secret (lower case, spaces, missing or present padding) and strict about anything
/// else, because a silently wrong secret only shows up later as "invalid TOTP" at the broker.
/// </summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Decodes a base32 text.</summary>
    /// <exception cref="FormatException">
    /// A character outside A-Z and 2-7, padding in the middle, or a length no encoder produces. The message
    /// names the position, never the character: the text is a secret.
    /// </exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<byte>(text.Length);
        var paddingSeen = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            if (c == '=')
            {
                paddingSeen = true;
                continue;
            }

            if (paddingSeen)
            {
                throw new FormatException($"The base32 text has padding ('=') before position {i + 1}; padding may only end it.");
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"The character at position {i + 1} is not base32: only the letters A-Z and the digits 2-7 are allowed (spaces and '=' padding are ignored).");
            }

            values.Add((byte)value);
        }

        // 5 bits a character; groups of 8 characters make 5 bytes. Lengths 1, 3 and 6 (mod 8) leave
        // whole characters carrying no byte: no encoder writes them, so they mean a truncated secret.
        if (values.Count % 8 is 1 or 3 or 6)
        {
            throw new FormatException($"The base32 text has {values.Count} characters, a length no base32 encoder produces; part of it is probably missing.");
        }

        var bytes = new byte[values.Count * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var value in values)
        {
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[index++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes;
    }

    /// <summary>Encodes bytes as upper-case base32 with '=' padding.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new System.Text.StringBuilder((bytes.Length + 4) / 5 * 8);
        var buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }

            buffer &= (1 << bits) - 1;
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        while (text.Length % 8 != 0)
        {
            text.Append('=');
        }

        return text.ToString();
    }
}
