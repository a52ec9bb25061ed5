using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>Configured strategies, their signals, and closed bars (issue 3).</summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261122010000_StrategiesSignalsBars")]
public sealed class StrategiesSignalsBars : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "strategies",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                InstrumentsJson = table.Column<string>(type: "TEXT", nullable: false),
                TimeframeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                Lots = table.Column<int>(type: "INTEGER", nullable: false),
                Product = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategies", x => x.Id));

        migrationBuilder.CreateTable(
            name: "signals",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                StrategyId = table.Column<Guid>(type: "TEXT", nullable: false),
                StrategyName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                StrategyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Time = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                LegsJson = table.Column<string>(type: "TEXT", nullable: false),
                Product = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                StopLoss = table.Column<decimal>(type: "TEXT", nullable: true),
                Target = table.Column<decimal>(type: "TEXT", nullable: true),
                Confidence = table.Column<decimal>(type: "TEXT", nullable: false),
                Reason = table.Column<string>(type: "TEXT", nullable: false),
                MetadataJson = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_signals", x => x.Id));

        migrationBuilder.CreateTable(
            name: "bars",
            columns: table => new
            {
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TimeframeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                Start = table.Column<long>(type: "INTEGER", nullable: false),
                Open = table.Column<decimal>(type: "TEXT", nullable: false),
                High = table.Column<decimal>(type: "TEXT", nullable: false),
                Low = table.Column<decimal>(type: "TEXT", nullable: false),
                Close = table.Column<decimal>(type: "TEXT", nullable: false),
                Volume = table.Column<long>(type: "INTEGER", nullable: false),
                TickCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_bars", x => new { x.InstrumentKey, x.TimeframeMinutes, x.Start }));

        migrationBuilder.CreateIndex("IX_signals_Time", "signals", "Time");
        migrationBuilder.CreateIndex("IX_signals_StrategyId_Time", "signals", ["StrategyId", "Time"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("bars");
        migrationBuilder.DropTable("signals");
        migrationBuilder.DropTable("strategies");
    }
}
