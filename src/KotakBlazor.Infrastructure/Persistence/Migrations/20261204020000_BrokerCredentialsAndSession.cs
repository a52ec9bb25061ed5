using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// Broker login details and the last broker session, both as Data Protection payloads (never in clear).
/// New tables only: existing data is untouched. Instants are INTEGER UTC ticks.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261204020000_BrokerCredentialsAndSession")]
public sealed class BrokerCredentialsAndSession : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "broker_credentials",
            columns: table => new
            {
                Broker = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                AccessToken = table.Column<string>(type: "TEXT", nullable: false),
                MobileNumber = table.Column<string>(type: "TEXT", nullable: false),
                Ucc = table.Column<string>(type: "TEXT", nullable: false),
                Mpin = table.Column<string>(type: "TEXT", nullable: false),
                TotpSecret = table.Column<string>(type: "TEXT", nullable: false),
                SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                SavedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_broker_credentials", x => x.Broker));

        migrationBuilder.CreateTable(
            name: "broker_sessions",
            columns: table => new
            {
                Broker = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Payload = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_broker_sessions", x => x.Broker));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "broker_sessions");
        migrationBuilder.DropTable(name: "broker_credentials");
    }
}
