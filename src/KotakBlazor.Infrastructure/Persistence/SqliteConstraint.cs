using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>Recognises SQLite constraint failures that mean "this exists already".</summary>
internal static class SqliteConstraint
{
    private const int Constraint = 19;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    /// <summary>A unique index or the primary key refused a row.</summary>
    public static bool IsDuplicate(DbUpdateException exception) => exception.InnerException is SqliteException inner && IsDuplicate(inner);

    /// <summary>A unique index or the primary key refused a row (plain SQL).</summary>
    public static bool IsDuplicate(SqliteException exception) =>
        exception is { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };
}
