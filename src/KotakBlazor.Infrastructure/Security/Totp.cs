using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace KotakBlazor.Infrastructure.Security;

/// <summary>
/// Time-based one-time passwords (RFC 6238) on top of HOTP (RFC 4226): the code an authenticator app
/// shows, computed from the shared secret and the time. Time comes from the caller (a
/// <see cref="TimeProvider"/> or an instant), so tests and a clock-drift check can use any time.
/// </summary>
public sealed class Totp
{
    /// <summary>The usual time step.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromSeconds(30);

    private readonly byte[] _key;

    /// <summary>A generator for a raw key.</summary>
    /// <exception cref="ArgumentException">An empty key.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Digits outside 6-8, or a step under one second.</exception>
    public Totp(ReadOnlySpan<byte> key, TotpAlgorithm algorithm = TotpAlgorithm.Sha1, int digits = 6, TimeSpan? step = null)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("A TOTP key cannot be empty.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        Step = step ?? DefaultStep;
        ArgumentOutOfRangeException.ThrowIfLessThan(Step, TimeSpan.FromSeconds(1), nameof(step));
        _key = key.ToArray();
        Algorithm = algorithm;
        Digits = digits;
    }

    /// <summary>The HMAC in use.</summary>
    public TotpAlgorithm Algorithm { get; }

    /// <summary>How many digits a code has.</summary>
    public int Digits { get; }

    /// <summary>How long one code lives.</summary>
    public TimeSpan Step { get; }

    /// <summary>A generator for a base32 secret as authenticator apps show it.</summary>
    /// <exception cref="FormatException">The secret is not base32 (see <see cref="Base32.Decode"/>) or is empty.</exception>
    public static Totp FromBase32(string secret, TotpAlgorithm algorithm = TotpAlgorithm.Sha1, int digits = 6, TimeSpan? step = null)
    {
        var key = Base32.Decode(secret);
        if (key.Length == 0)
        {
            throw new FormatException("The TOTP secret is empty.");
        }

        return new Totp(key, algorithm, digits, step);
    }

    /// <summary>The code valid at <paramref name="time"/>.</summary>
    public string CodeAt(DateTimeOffset time) => Hotp(_key, StepNumber(time), Digits, Algorithm);

    /// <summary>The code valid now.</summary>
    public string CurrentCode(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return CodeAt(time.GetUtcNow());
    }

    /// <summary>How long the code valid at <paramref name="time"/> has left.</summary>
    public TimeSpan RemainingAt(DateTimeOffset time)
    {
        var stepTicks = Step.Ticks;
        var elapsed = (time - DateTimeOffset.UnixEpoch).Ticks;
        return TimeSpan.FromTicks(stepTicks - (((elapsed % stepTicks) + stepTicks) % stepTicks));
    }

    /// <summary>
    /// Whether <paramref name="code"/> is valid at <paramref name="time"/>, allowing the clocks on either side
    /// to differ by up to <paramref name="driftSteps"/> steps. Compared in constant time.
    /// </summary>
    public bool Verify(string code, DateTimeOffset time, int driftSteps = 1)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegative(driftSteps);
        var step = StepNumber(time);
        var offered = System.Text.Encoding.ASCII.GetBytes(code);
        var matched = false;
        for (var drift = -driftSteps; drift <= driftSteps; drift++)
        {
            var expected = System.Text.Encoding.ASCII.GetBytes(Hotp(_key, step + drift, Digits, Algorithm));
            matched |= CryptographicOperations.FixedTimeEquals(expected, offered);
        }

        return matched;
    }

    /// <summary>An HOTP code (RFC 4226): HMAC of the big-endian counter, dynamic truncation, the low decimal digits.</summary>
    public static string Hotp(ReadOnlySpan<byte> key, long counter, int digits, TotpAlgorithm algorithm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[64];
        var length = algorithm switch
        {
            TotpAlgorithm.Sha1 => HMACSHA1.HashData(key, message, hash),
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(key, message, hash),
            TotpAlgorithm.Sha512 => HMACSHA512.HashData(key, message, hash),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown TOTP algorithm."),
        };

        var offset = hash[length - 1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = digits switch { 6 => 1_000_000, 7 => 10_000_000, _ => 100_000_000 };
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>Describes the generator without its key.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TOTP ({Algorithm}, {Digits} digits, {Step.TotalSeconds:0} s)");

    private long StepNumber(DateTimeOffset time)
    {
        // Integer floor division: far-future times (RFC vectors reach 20,000,000,000 s) exceed a double's precision in ticks.
        var elapsed = (time - DateTimeOffset.UnixEpoch).Ticks;
        var quotient = elapsed / Step.Ticks;
        return elapsed % Step.Ticks < 0 ? quotient - 1 : quotient;
    }
}
