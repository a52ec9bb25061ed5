using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// The cached Kotak scrip master: the day it is from and its instruments, so the app starts
/// with the real instruments when Kotak cannot be reached. Existing data is untouched.
/// Days are TEXT yyyy-MM-dd, instants INTEGER UTC ticks, prices TEXT decimals, enums TEXT names.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261204030000_ScripMasterCache")]
public sealed class ScripMasterCache : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "scrip_master_days",
            columns: table => new
            {
                Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                DownloadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                InstrumentCount = table.Column<int>(type: "INTEGER", nullable: false),
                SkippedRows = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_scrip_master_days", x => x.Day));

        migrationBuilder.CreateTable(
            name: "scrip_master_instruments",
            columns: table => new
            {
                Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TradingSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Description = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Underlying = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                LotSize = table.Column<int>(type: "INTEGER", nullable: false),
                TickSize = table.Column<decimal>(type: "TEXT", nullable: false),
                FreezeQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                Expiry = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Strike = table.Column<decimal>(type: "TEXT", nullable: true),
                OptionType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_scrip_master_instruments", x => new { x.Day, x.InstrumentKey });
                table.ForeignKey("FK_scrip_master_instruments_scrip_master_days_Day", x => x.Day, "scrip_master_days", "Day", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("scrip_master_instruments");
        migrationBuilder.DropTable("scrip_master_days");
    }
}
