using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Time;
using KotakBlazor.Infrastructure.Accounts;
using KotakBlazor.Web.Strategies;

namespace KotakBlazor.Web.Admin;

/// <summary>
/// The audit log for admins: who did what (sign-ins and failures, kill switch, risk limits, broker
/// settings, users, orders placed from the screens) from the append-only audit table, and every
/// order by who asked for it (people, strategies, the system) from the order store itself, which
/// also holds the orders strategies placed without a person.
/// </summary>
public sealed class AuditViewer(AuditLog audit, IOrderStore orders, UserAccountService users)
{
    /// <summary>The newest orders in a date range the order view looks through.</summary>
    public const int OrderScanLimit = 5000;

    /// <summary>Audit entries matching the filter, one page, newest first.</summary>
    /// <exception cref="UnauthorizedAccessException">The caller is not an enabled admin.</exception>
    public async Task<AuditPage> EntriesAsync(ActingUser actor, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await RequireAdminAsync(actor, cancellationToken);
        var (from, until) = Range(filter);
        var size = Math.Clamp(filter.PageSize, 1, 200);
        return await audit.QueryAsync(
            new AuditQuery(Blank(filter.User), AuditKind.Find(filter.Kind)?.Prefixes, from, until, (Math.Max(1, filter.Page) - 1) * size, size),
            cancellationToken);
    }

    /// <summary>Orders placed in the filter's date range, by the filter's user (as <see cref="Order.RequestedBy"/>), one page, newest first.</summary>
    /// <exception cref="UnauthorizedAccessException">The caller is not an enabled admin.</exception>
    public async Task<OrdersByUserPage> OrdersAsync(ActingUser actor, AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await RequireAdminAsync(actor, cancellationToken);
        var (from, until) = Range(filter);
        var found = await orders.QueryAsync(new OrderQuery(Since: from, Until: until, Limit: OrderScanLimit), cancellationToken);
        var user = Blank(filter.User);
        var matching = user is null ? found : [.. found.Where(o => string.Equals(o.RequestedBy, user, StringComparison.OrdinalIgnoreCase))];
        var size = Math.Clamp(filter.PageSize, 1, 200);
        return new OrdersByUserPage([.. matching.Skip((Math.Max(1, filter.Page) - 1) * size).Take(size)], matching.Count);
    }

    /// <summary>Everyone in the audit log and every user, for the user filter.</summary>
    /// <exception cref="UnauthorizedAccessException">The caller is not an enabled admin.</exception>
    public async Task<IReadOnlyList<string>> PeopleAsync(ActingUser actor, CancellationToken cancellationToken)
    {
        await RequireAdminAsync(actor, cancellationToken);
        var names = (await audit.ActorsAsync(cancellationToken)).Concat((await users.ListAsync(cancellationToken)).Select(u => u.UserName));
        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task RequireAdminAsync(ActingUser actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != UserRoles.Admin || await users.FindByNameAsync(actor.UserName, cancellationToken) is not { Role: UserRoles.Admin, IsDisabled: false })
        {
            await audit.WriteAsync(actor.UserName, "audit.view-refused", $"Role {actor.Role} may not read the audit log.", null, cancellationToken);
            throw new UnauthorizedAccessException("Only an admin can read the audit log.");
        }
    }

    // IST days, the To day included: [From 00:00 IST, To+1 00:00 IST).
    private static (DateTimeOffset? From, DateTimeOffset? Until) Range(AuditFilter filter) => (
        filter.From is { } from ? IndianMarketTime.AtIst(from, TimeOnly.MinValue) : null,
        filter.To is { } to ? IndianMarketTime.AtIst(to.AddDays(1), TimeOnly.MinValue) : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
