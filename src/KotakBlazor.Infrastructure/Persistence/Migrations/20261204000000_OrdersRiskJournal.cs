using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// Orders with their append-only events and fills, the risk limits, the kill switch and its
/// history, manual trades found by reconciliation, and journal notes; strategies get an
/// auto-execute switch (off for existing ones). Existing data is untouched. Enums are TEXT names, instants INTEGER UTC ticks, money TEXT decimals.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261204000000_OrdersRiskJournal")]
public sealed class OrdersRiskJournal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Whether a strategy's signals are placed without a person confirming them; existing strategies keep asking.
        migrationBuilder.AddColumn<bool>(name: "AutoExecute", table: "strategies", type: "INTEGER", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Tag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                BrokerOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TradingSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Product = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                LimitPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                TriggerPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                AfterMarket = table.Column<bool>(type: "INTEGER", nullable: false),
                Validity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Position = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                StrategyId = table.Column<Guid>(type: "TEXT", nullable: true),
                GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                ParentOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                FilledQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                AveragePrice = table.Column<decimal>(type: "TEXT", nullable: true),
                Reason = table.Column<string>(type: "TEXT", nullable: true),
                PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                LastStatusCheck = table.Column<long>(type: "INTEGER", nullable: true),
                FilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                FirstFailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastRetryAt = table.Column<long>(type: "INTEGER", nullable: true),
                RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                QuantityAdjustedAt = table.Column<long>(type: "INTEGER", nullable: true),
                ManualDetectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_orders", x => x.Id));

        migrationBuilder.CreateTable(
            name: "order_events",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                Time = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                Detail = table.Column<string>(type: "TEXT", nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_order_events", x => x.Id);
                table.ForeignKey("FK_order_events_orders_OrderId", x => x.OrderId, "orders", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "fills",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                TradeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                BrokerOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TradingSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Product = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                Price = table.Column<decimal>(type: "TEXT", nullable: false),
                Time = table.Column<long>(type: "INTEGER", nullable: false),
                StrategyId = table.Column<Guid>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_fills", x => x.Id);
                table.ForeignKey("FK_fills_orders_OrderId", x => x.OrderId, "orders", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "risk_limits",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false),
                LimitsJson = table.Column<string>(type: "TEXT", nullable: false),
                ChangedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_risk_limits", x => x.Id));

        migrationBuilder.CreateTable(
            name: "kill_switch_state",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false),
                IsTripped = table.Column<bool>(type: "INTEGER", nullable: false),
                Reason = table.Column<string>(type: "TEXT", nullable: true),
                ChangedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_kill_switch_state", x => x.Id));

        migrationBuilder.CreateTable(
            name: "kill_switch_events",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Time = table.Column<long>(type: "INTEGER", nullable: false),
                Tripped = table.Column<bool>(type: "INTEGER", nullable: false),
                Reason = table.Column<string>(type: "TEXT", nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_kill_switch_events", x => x.Id));

        migrationBuilder.CreateTable(
            name: "manual_trades",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                InstrumentKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                TradingSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Product = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                AveragePrice = table.Column<decimal>(type: "TEXT", nullable: true),
                BrokerOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_manual_trades", x => x.Id));

        migrationBuilder.CreateTable(
            name: "journal_notes",
            columns: table => new
            {
                RoundTripId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                Note = table.Column<string>(type: "TEXT", nullable: false),
                Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_journal_notes", x => x.RoundTripId));

        migrationBuilder.CreateIndex("IX_orders_Tag", "orders", "Tag", unique: true);
        migrationBuilder.CreateIndex("IX_orders_IdempotencyKey", "orders", "IdempotencyKey", unique: true, filter: "\"IdempotencyKey\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_orders_Status", "orders", "Status");
        migrationBuilder.CreateIndex("IX_orders_BrokerOrderId", "orders", "BrokerOrderId");
        migrationBuilder.CreateIndex("IX_orders_PlacedAt", "orders", "PlacedAt");
        migrationBuilder.CreateIndex("IX_orders_GroupId", "orders", "GroupId");
        migrationBuilder.CreateIndex("IX_orders_StrategyId", "orders", "StrategyId");
        migrationBuilder.CreateIndex("IX_order_events_OrderId", "order_events", "OrderId");
        migrationBuilder.CreateIndex("IX_fills_TradeId", "fills", "TradeId", unique: true);
        migrationBuilder.CreateIndex("IX_fills_OrderId", "fills", "OrderId");
        migrationBuilder.CreateIndex("IX_fills_Time", "fills", "Time");
        migrationBuilder.CreateIndex("IX_kill_switch_events_Time", "kill_switch_events", "Time");
        migrationBuilder.CreateIndex("IX_manual_trades_BrokerOrderId", "manual_trades", "BrokerOrderId", unique: true, filter: "\"BrokerOrderId\" IS NOT NULL");
        migrationBuilder.CreateIndex("IX_manual_trades_InstrumentKey_Product_Kind_Status", "manual_trades", ["InstrumentKey", "Product", "Kind", "Status"]);
        migrationBuilder.CreateIndex("IX_manual_trades_DetectedAt", "manual_trades", "DetectedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "AutoExecute", table: "strategies");
        migrationBuilder.DropTable("journal_notes");
        migrationBuilder.DropTable("manual_trades");
        migrationBuilder.DropTable("kill_switch_events");
        migrationBuilder.DropTable("kill_switch_state");
        migrationBuilder.DropTable("risk_limits");
        migrationBuilder.DropTable("fills");
        migrationBuilder.DropTable("order_events");
        migrationBuilder.DropTable("orders");
    }
}
