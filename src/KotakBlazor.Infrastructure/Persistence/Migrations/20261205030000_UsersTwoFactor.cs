using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// The optional authenticator (TOTP) second factor of app users: the secret as a Data Protection
/// payload and the replay guard, and hashed single-use recovery codes. New tables only: existing
/// users keep signing in with their password alone. Instants are INTEGER UTC ticks.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261205030000_UsersTwoFactor")]
public sealed class UsersTwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "user_two_factor",
            columns: table => new
            {
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                ProtectedSecret = table.Column<string>(type: "TEXT", nullable: false),
                StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                EnabledAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastUsedStep = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_two_factor", x => x.UserId);
                table.ForeignKey("FK_user_two_factor_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_recovery_codes",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<int>(type: "INTEGER", nullable: false),
                CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_recovery_codes", x => x.Id);
                table.ForeignKey("FK_user_recovery_codes_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_user_recovery_codes_UserId", table: "user_recovery_codes", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "user_recovery_codes");
        migrationBuilder.DropTable(name: "user_two_factor");
    }
}
