using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Brokers.KotakNeo;

namespace KotakBlazor.Infrastructure.Tests.KotakNeo;

/// <summary>
/// The one table of Kotak's order-state words, as the order book, the order feed and the paper broker read
/// them (each used its own table before; the rows below are the union of their tests).
/// </summary>
public sealed class KotakOrderStatesTests
{
    [Theory]
    [InlineData("put order req received", 75, 0, OrderStatus.Open, true)]
    [InlineData("validation pending", 75, 0, OrderStatus.Open, true)]
    [InlineData("open pending", 75, 0, OrderStatus.Open, true)]
    [InlineData("open", 75, 0, OrderStatus.Open, true)]
    [InlineData("open", 75, 25, OrderStatus.PartiallyFilled, true)]
    [InlineData("trigger pending", 75, 0, OrderStatus.Open, true)]
    [InlineData("modified", 75, 0, OrderStatus.Open, true)]
    [InlineData("modify pending", 75, 25, OrderStatus.PartiallyFilled, true)]
    [InlineData("cancel pending", 75, 0, OrderStatus.Open, true)]
    [InlineData("not cancelled", 75, 50, OrderStatus.PartiallyFilled, true)]
    [InlineData("after market order req received", 75, 0, OrderStatus.Open, true)]
    [InlineData("complete", 75, 75, OrderStatus.Filled, true)]
    [InlineData("traded", 75, 75, OrderStatus.Filled, true)]
    [InlineData("Rejected", 75, 0, OrderStatus.Rejected, true)]
    [InlineData("cancelled", 75, 25, OrderStatus.Cancelled, true)]
    [InlineData("Cancelled ", 75, 0, OrderStatus.Cancelled, true)]
    [InlineData("canceled", 75, 0, OrderStatus.Cancelled, true)]
    [InlineData("frozen by exchange", 75, 0, OrderStatus.Open, false)]
    [InlineData("frozen by exchange", 75, 25, OrderStatus.PartiallyFilled, false)]
    [InlineData("some state from 2027", 75, 50, OrderStatus.PartiallyFilled, false)]
    [InlineData("some new word", 75, 75, OrderStatus.Filled, false)]
    [InlineData("some new word", 0, 75, OrderStatus.PartiallyFilled, false)]
    [InlineData("", 75, 0, OrderStatus.Open, false)]
    public void Every_word_maps_to_one_status_and_unknown_ones_stay_working_until_every_unit_traded(string word, int quantity, int filled, OrderStatus expected, bool known)
    {
        Assert.Equal(expected, KotakOrderStates.ToStatus(word, quantity, filled));
        Assert.Equal(known, KotakOrderStates.IsKnown(word));
    }

    [Fact]
    public void A_known_working_word_never_reads_as_filled_even_with_every_unit_traded()
    {
        // "open" with all units traded is a book caught between the trade and the state change: the next look says complete.
        Assert.Equal(OrderStatus.PartiallyFilled, KotakOrderStates.ToStatus("open", 75, 75));
    }

    [Fact]
    public void The_words_the_paper_broker_writes_map_back_to_the_statuses_it_means()
    {
        Assert.Equal(
            [OrderStatus.Open, OrderStatus.Open, OrderStatus.Open, OrderStatus.Filled, OrderStatus.Rejected, OrderStatus.Cancelled],
            new[] { KotakOrderStates.Open, KotakOrderStates.TriggerPending, KotakOrderStates.AfterMarket, KotakOrderStates.Complete, KotakOrderStates.Rejected, KotakOrderStates.Cancelled }
                .Select(w => KotakOrderStates.ToStatus(w, 10, w == KotakOrderStates.Complete ? 10 : 0)));
        Assert.All(KotakOrderStates.Known, w => Assert.True(KotakOrderStates.IsKnown(w.ToUpperInvariant())));
    }
}
