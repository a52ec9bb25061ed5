using KotakBlazor.Core.Brokers;
using KotakBlazor.Core.Messaging;

namespace KotakBlazor.Infrastructure.Tests.Brokers;

/// <summary>Reading a gateway's answers and pushed rows in tests.</summary>
internal static class BrokerAssertions
{
    /// <summary>A safety net for a broken gateway, never a wait for something to happen.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static T Ok<T>(BrokerResult<T> result)
    {
        Assert.True(result.IsSuccess, $"Expected success, got {result}");
        return result.Value!;
    }

    public static BrokerError Failed<T>(BrokerResult<T> result, BrokerErrorKind kind)
    {
        Assert.False(result.IsSuccess, $"Expected {kind}, got {result}");
        Assert.Equal(kind, result.Error!.Kind);
        return result.Error;
    }

    public static async Task<BrokerOrder> RowAsync(IBrokerGateway gateway, string orderId)
    {
        var book = Ok(await gateway.GetOrderBookAsync(CancellationToken.None));
        return Assert.Single(book, o => o.BrokerOrderId == orderId);
    }

    /// <summary>Reads pushed rows until one of <paramref name="orderId"/> satisfies <paramref name="until"/>; returns that order's rows seen on the way.</summary>
    public static async Task<IReadOnlyList<BrokerOrder>> UpdatesUntilAsync(EventStream<BrokerOrder>.Subscription updates, string orderId, Func<BrokerOrder, bool> until)
    {
        using var patience = new CancellationTokenSource(Patience);
        var seen = new List<BrokerOrder>();
        while (true)
        {
            var row = await updates.Reader.ReadAsync(patience.Token);
            if (row.BrokerOrderId != orderId)
            {
                continue;
            }

            seen.Add(row);
            if (until(row))
            {
                return seen;
            }
        }
    }

    /// <summary>Every row already pushed (for a broker that publishes synchronously).</summary>
    public static List<T> Drain<T>(EventStream<T>.Subscription subscription)
    {
        var items = new List<T>();
        while (subscription.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
