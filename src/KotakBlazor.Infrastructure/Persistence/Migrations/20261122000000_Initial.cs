using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// Users, watchlists, API keys and the audit log. Hand-written: the EF Core design-time
/// package does not restore here (docs/adr/0003-hand-written-migrations.md); a test checks
/// that the migrated schema matches the model.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                FailedSignInCount = table.Column<int>(type: "INTEGER", nullable: false),
                LockedOutUntil = table.Column<long>(type: "INTEGER", nullable: true),
                SecurityStamp = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.Id));

        migrationBuilder.CreateTable(
            name: "watchlist_entries",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TradingSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_watchlist_entries", x => x.Id);
                table.ForeignKey("FK_watchlist_entries_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_api_keys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                At = table.Column<long>(type: "INTEGER", nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Details = table.Column<string>(type: "TEXT", nullable: true),
                RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.Id));

        migrationBuilder.CreateIndex("IX_users_NormalizedUserName", "users", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_watchlist_entries_UserId_InstrumentKey", "watchlist_entries", ["UserId", "InstrumentKey"], unique: true);
        migrationBuilder.CreateIndex("IX_api_keys_KeyHash", "api_keys", "KeyHash", unique: true);
        migrationBuilder.CreateIndex("IX_audit_entries_At", "audit_entries", "At");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("audit_entries");
        migrationBuilder.DropTable("api_keys");
        migrationBuilder.DropTable("watchlist_entries");
        migrationBuilder.DropTable("users");
    }
}
