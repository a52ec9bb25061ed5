using KotakBlazor.Infrastructure.Brokers.KotakNeo.Feeds;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo.Feeds;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Waits_double_from_the_first_up_to_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var waits = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1d, 2, 4, 8, 16, 32, 60, 60, 60], waits);
    }

    [Fact]
    public void A_success_starts_the_waits_over()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        backoff.Next();
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void Jitter_only_shortens_a_wait_and_by_at_most_its_fraction()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), jitter: 0.5, new Random(7));

        var waits = Enumerable.Range(0, 200).Select(_ => backoff.Next()).ToList();

        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)));
        Assert.True(waits.Distinct().Count() > 100);
    }

    [Fact]
    public void Hundreds_of_failures_never_overflow_past_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));

        var last = TimeSpan.Zero;
        for (var i = 0; i < 500; i++)
        {
            last = backoff.Next();
        }

        Assert.Equal(TimeSpan.FromMinutes(15), last);
    }
}
