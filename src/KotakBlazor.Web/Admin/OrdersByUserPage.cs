using KotakBlazor.Core.Orders;

namespace KotakBlazor.Web.Admin;

/// <summary>One page of orders from the order store, newest first, with how many match in all.</summary>
public sealed record OrdersByUserPage(IReadOnlyList<Order> Orders, int Total);
