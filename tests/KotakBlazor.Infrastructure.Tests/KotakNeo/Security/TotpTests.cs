using System.Text;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Security;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Security;

public sealed class TotpTests
{
    // RFC 6238 Appendix B: the seeds are the ASCII digits repeated to the hash's length.
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59L, "94287082", TotpAlgorithm.Sha1)]
    [InlineData(59L, "46119246", TotpAlgorithm.Sha256)]
    [InlineData(59L, "90693936", TotpAlgorithm.Sha512)]
    [InlineData(1111111109L, "07081804", TotpAlgorithm.Sha1)]
    [InlineData(1111111109L, "68084774", TotpAlgorithm.Sha256)]
    [InlineData(1111111109L, "25091201", TotpAlgorithm.Sha512)]
    [InlineData(1111111111L, "14050471", TotpAlgorithm.Sha1)]
    [InlineData(1111111111L, "67062674", TotpAlgorithm.Sha256)]
    [InlineData(1111111111L, "99943326", TotpAlgorithm.Sha512)]
    [InlineData(1234567890L, "89005924", TotpAlgorithm.Sha1)]
    [InlineData(1234567890L, "91819424", TotpAlgorithm.Sha256)]
    [InlineData(1234567890L, "93441116", TotpAlgorithm.Sha512)]
    [InlineData(2000000000L, "69279037", TotpAlgorithm.Sha1)]
    [InlineData(2000000000L, "90698825", TotpAlgorithm.Sha256)]
    [InlineData(2000000000L, "38618901", TotpAlgorithm.Sha512)]
    [InlineData(20000000000L, "65353130", TotpAlgorithm.Sha1)]
    [InlineData(20000000000L, "77737706", TotpAlgorithm.Sha256)]
    [InlineData(20000000000L, "47863826", TotpAlgorithm.Sha512)]
    public void Rfc6238_appendix_b_vectors(long unixSeconds, string expected, TotpAlgorithm algorithm)
    {
        var seed = algorithm switch { TotpAlgorithm.Sha1 => Sha1Seed, TotpAlgorithm.Sha256 => Sha256Seed, _ => Sha512Seed };
        var totp = new Totp(seed, algorithm, digits: 8);

        Assert.Equal(expected, totp.CodeAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(2, "359152")]
    [InlineData(3, "969429")]
    [InlineData(4, "338314")]
    [InlineData(5, "254676")]
    [InlineData(6, "287922")]
    [InlineData(7, "162583")]
    [InlineData(8, "399871")]
    [InlineData(9, "520489")]
    public void Rfc4226_appendix_d_hotp_vectors(long counter, string expected)
    {
        Assert.Equal(expected, Totp.Hotp(Sha1Seed, counter, 6, TotpAlgorithm.Sha1));
    }

    [Fact]
    public void A_base32_secret_as_authenticator_apps_show_it_gives_the_rfc_codes()
    {
        // "12345678901234567890" in base32, typed the way people copy it: lower case, in groups, without padding.
        var totp = Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", digits: 8);

        Assert.Equal("94287082", totp.CodeAt(DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    public void Six_digits_are_the_low_digits_and_keep_leading_zeros()
    {
        var totp = new Totp(Sha1Seed, TotpAlgorithm.Sha1, digits: 6);

        // 8-digit code 07081804 at 1111111109 s; its low six digits are 081804.
        Assert.Equal("081804", totp.CodeAt(DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public void The_current_code_comes_from_the_time_provider_and_changes_at_the_step_boundary()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1111111109));
        var totp = new Totp(Sha1Seed, TotpAlgorithm.Sha1, digits: 8);

        Assert.Equal("07081804", totp.CurrentCode(clock));
        Assert.Equal(TimeSpan.FromSeconds(1), totp.RemainingAt(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("14050471", totp.CurrentCode(clock));
    }

    [Fact]
    public void Verify_allows_one_step_of_clock_drift_either_way_and_no_more()
    {
        var totp = new Totp(Sha1Seed);
        var at = DateTimeOffset.FromUnixTimeSeconds(1_234_567_890);
        var code = totp.CodeAt(at);

        Assert.True(totp.Verify(code, at));
        Assert.True(totp.Verify(code, at.AddSeconds(30)));
        Assert.True(totp.Verify(code, at.AddSeconds(-30)));
        Assert.False(totp.Verify(code, at.AddSeconds(90)));
        Assert.False(totp.Verify(code, at.AddSeconds(30), driftSteps: 0));
        Assert.False(totp.Verify("000000", at));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void Digits_outside_six_to_eight_are_refused(int digits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Totp(Sha1Seed, digits: digits));
    }

    [Fact]
    public void An_empty_secret_is_refused()
    {
        Assert.Throws<FormatException>(() => Totp.FromBase32("  "));
        Assert.Throws<ArgumentException>(() => new Totp(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void The_description_names_the_settings_and_not_the_key()
    {
        var totp = Totp.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", TotpAlgorithm.Sha256, 7);

        Assert.Equal("TOTP (Sha256, 7 digits, 30 s)", totp.ToString());
    }
}
