using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// Batched multi-leg placements: the placement, its legs, and one row per order with its
/// idempotency key and its link to the order desk's order. New tables only: existing data is
/// untouched. Enums are TEXT names, instants INTEGER UTC ticks, money TEXT decimals.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261205010000_Placements")]
public sealed class Placements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "placements",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                StrategyName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                StrategyId = table.Column<Guid>(type: "TEXT", nullable: true),
                Underlying = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Expiry = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Product = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                MaxLotsPerBatch = table.Column<int>(type: "INTEGER", nullable: false),
                StopReason = table.Column<string>(type: "TEXT", nullable: true),
                HedgeAlert = table.Column<string>(type: "TEXT", nullable: true),
                ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_placements", x => x.Id));

        migrationBuilder.CreateTable(
            name: "placement_legs",
            columns: table => new
            {
                PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                LegIndex = table.Column<int>(type: "INTEGER", nullable: false),
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TradingSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                LotSize = table.Column<int>(type: "INTEGER", nullable: false),
                FreezeQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                OrderType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                LimitPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                OptionType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                Strike = table.Column<decimal>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_placement_legs", x => new { x.PlacementId, x.LegIndex });
                table.ForeignKey("FK_placement_legs_placements_PlacementId", x => x.PlacementId, "placements", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "placement_orders",
            columns: table => new
            {
                IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                Phase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Round = table.Column<int>(type: "INTEGER", nullable: false),
                Batch = table.Column<int>(type: "INTEGER", nullable: false),
                LegIndex = table.Column<int>(type: "INTEGER", nullable: false),
                Slice = table.Column<int>(type: "INTEGER", nullable: false),
                Side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                Tag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                BrokerOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                FilledQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                AveragePrice = table.Column<decimal>(type: "TEXT", nullable: true),
                Reason = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_placement_orders", x => x.IdempotencyKey);
                table.ForeignKey("FK_placement_orders_placements_PlacementId", x => x.PlacementId, "placements", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_placements_CreatedAt", table: "placements", column: "CreatedAt");
        migrationBuilder.CreateIndex(name: "IX_placements_ParentId", table: "placements", column: "ParentId");
        migrationBuilder.CreateIndex(name: "IX_placement_orders_OrderId", table: "placement_orders", column: "OrderId");
        migrationBuilder.CreateIndex(name: "IX_placement_orders_PlacementId_Sequence", table: "placement_orders", columns: ["PlacementId", "Sequence"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "placement_orders");
        migrationBuilder.DropTable(name: "placement_legs");
        migrationBuilder.DropTable(name: "placements");
    }
}
