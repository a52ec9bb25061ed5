using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Security;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("acc-tok-5f3c9e1d7a2b4c6e", 4, "••••4c6e")]
    [InlineData("+919876501234", 4, "••••1234")]
    [InlineData("ZX9QK7", 2, "••••K7")]
    [InlineData("482913", 4, "••••")]
    [InlineData("482913", 0, "••••")]
    [InlineData("", 4, "(not set)")]
    [InlineData(null, 4, "(not set)")]
    public void Shows_at_most_a_short_tail_behind_a_fixed_mask(string? secret, int visible, string expected)
    {
        Assert.Equal(expected, SecretMask.Mask(secret, visible));
    }
}
