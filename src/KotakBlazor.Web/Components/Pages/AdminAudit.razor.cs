using KotakBlazor.Core.Orders;
using KotakBlazor.Infrastructure.Persistence.Entities;
using KotakBlazor.Web.Admin;
using KotakBlazor.Web.Auth;
using KotakBlazor.Web.Components.Risk;
using KotakBlazor.Web.Strategies;
using Microsoft.AspNetCore.Components;

namespace KotakBlazor.Web.Components.Pages;

/// <summary>
/// The audit log viewer: entries by user, kind and IST dates, fifty to a page, and the same user's
/// orders from the order store. <see cref="AuditViewer"/> checks on the server that the reader is an admin.
/// </summary>
public sealed partial class AdminAudit
{
    private const int PageSize = 50;

    private ActingUser _actor = new("?", string.Empty);
    private IReadOnlyList<string> _people = [];
    private IReadOnlyList<AuditEntry> _entries = [];
    private IReadOnlyList<Order> _orders = [];
    private View _view = View.Entries;
    private string _user = string.Empty;
    private string _kind = string.Empty;
    private DateOnly? _from;
    private DateOnly? _to;
    private int _page = 1;
    private int _total;
    private bool _loaded;
    private string? _error;

    private enum View
    {
        Entries,
        Orders,
    }

    [Inject]
    private AuditViewer Viewer { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    private int Pages => Math.Max(1, (_total + PageSize - 1) / PageSize);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.ActingAsync();
        await LoadAsync();
        if (_error is null)
        {
            _people = await Viewer.PeopleAsync(_actor, CancellationToken.None);
        }
    }

    private Task ApplyAsync() => GoAsync(1);

    private Task ClearAsync()
    {
        _user = string.Empty;
        _kind = string.Empty;
        _from = null;
        _to = null;
        return GoAsync(1);
    }

    private Task ShowAsync(View view)
    {
        _view = view;
        return GoAsync(1);
    }

    private Task GoAsync(int page)
    {
        _page = Math.Max(1, page);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_from is { } from && _to is { } to && to < from)
        {
            _error = "The 'To' date is before the 'From' date.";
            return;
        }

        var filter = new AuditFilter(_user, _kind, _from, _to, _page, PageSize);
        try
        {
            if (_view == View.Entries)
            {
                var page = await Viewer.EntriesAsync(_actor, filter, CancellationToken.None);
                (_entries, _total) = (page.Entries, page.Total);
            }
            else
            {
                var page = await Viewer.OrdersAsync(_actor, filter, CancellationToken.None);
                (_orders, _total) = (page.Orders, page.Total);
            }

            _error = null;
            _loaded = true;
        }
        catch (UnauthorizedAccessException e)
        {
            _error = e.Message;
        }
    }
}
