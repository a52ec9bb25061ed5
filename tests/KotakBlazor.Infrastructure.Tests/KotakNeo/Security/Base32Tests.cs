using System.Text;
using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Security;

public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY======")]
    [InlineData("fo", "MZXQ====")]
    [InlineData("foo", "MZXW6===")]
    [InlineData("foob", "MZXW6YQ=")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI======")]
    public void Rfc4648_vectors_decode_and_encode(string text, string base32)
    {
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(base32)));
        Assert.Equal(base32, Base32.Encode(Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("mzxw6ytboi")]
    [InlineData("MZXW 6YTB OI")]
    [InlineData(" mzxw6ytboi====== ")]
    [InlineData("MZXW6YTB\tOI\n")]
    public void Case_spaces_and_padding_are_tolerated(string base32)
    {
        Assert.Equal("foobar", Encoding.ASCII.GetString(Base32.Decode(base32)));
    }

    [Theory]
    [InlineData("MZXW1YTB", 5)]
    [InlineData("MZXW0YTB", 5)]
    [InlineData("MZ8W6YTB", 3)]
    [InlineData("MZXW6YT9", 8)]
    [InlineData("MZXW-YTB", 5)]
    public void A_character_outside_the_alphabet_is_refused_by_position_without_echoing_the_secret(string base32, int position)
    {
        var error = Assert.Throws<FormatException>(() => Base32.Decode(base32));

        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        Assert.Contains("A-Z", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(base32, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Padding_before_the_end_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Base32.Decode("MY==MZXQ"));

        Assert.Contains("padding", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("M")]
    [InlineData("MZX")]
    [InlineData("MZXW6Y")]
    public void A_length_no_encoder_produces_is_refused_as_truncated(string base32)
    {
        var error = Assert.Throws<FormatException>(() => Base32.Decode(base32));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }
}
