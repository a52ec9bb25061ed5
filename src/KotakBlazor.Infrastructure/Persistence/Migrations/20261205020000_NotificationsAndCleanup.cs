using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KotakBlazor.Infrastructure.Persistence.Migrations;

/// <summary>
/// Notifications (the published record, each user's in-app centre, the outbox of channel deliveries,
/// per-user choices, the Telegram bot's protected settings) and the end-of-day cleanup (run history
/// with its steps, each day's statistics, archived-order marks). New tables only: existing data is
/// untouched. Enums are TEXT names, instants INTEGER UTC ticks, dates TEXT, money TEXT decimals.
/// </summary>
[DbContext(typeof(KotakDbContext))]
[Migration("20261205020000_NotificationsAndCleanup")]
public sealed class NotificationsAndCleanup : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "notifications",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Title = table.Column<string>(type: "TEXT", nullable: false),
                Body = table.Column<string>(type: "TEXT", nullable: false),
                At = table.Column<long>(type: "INTEGER", nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_notifications", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_notifications_At", table: "notifications", column: "At");

        migrationBuilder.CreateTable(
            name: "notification_inbox",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                NotificationId = table.Column<long>(type: "INTEGER", nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notification_inbox", x => x.Id);
                table.ForeignKey("FK_notification_inbox_notifications_NotificationId", x => x.NotificationId, "notifications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_notification_inbox_UserName_NotificationId", table: "notification_inbox", columns: ["UserName", "NotificationId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_notification_inbox_NotificationId", table: "notification_inbox", column: "NotificationId");

        migrationBuilder.CreateTable(
            name: "notification_deliveries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                NotificationId = table.Column<long>(type: "INTEGER", nullable: false),
                Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                LastError = table.Column<string>(type: "TEXT", nullable: true),
                SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notification_deliveries", x => x.Id);
                table.ForeignKey("FK_notification_deliveries_notifications_NotificationId", x => x.NotificationId, "notifications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_notification_deliveries_Status_NextAttemptAt", table: "notification_deliveries", columns: ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex(name: "IX_notification_deliveries_NotificationId", table: "notification_deliveries", column: "NotificationId");

        migrationBuilder.CreateTable(
            name: "notification_preferences",
            columns: table => new
            {
                UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                InApp = table.Column<bool>(type: "INTEGER", nullable: false),
                Telegram = table.Column<bool>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_notification_preferences", x => new { x.UserName, x.Kind }));

        migrationBuilder.CreateTable(
            name: "telegram_settings",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false),
                BotToken = table.Column<string>(type: "TEXT", nullable: false),
                ChatId = table.Column<string>(type: "TEXT", nullable: false),
                Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                SavedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_telegram_settings", x => x.Id));

        migrationBuilder.CreateTable(
            name: "end_of_day_runs",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                TradingDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                StartedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_end_of_day_runs", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_end_of_day_runs_StartedAt", table: "end_of_day_runs", column: "StartedAt");

        migrationBuilder.CreateTable(
            name: "end_of_day_steps",
            columns: table => new
            {
                RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Detail = table.Column<string>(type: "TEXT", nullable: false),
                StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_end_of_day_steps", x => new { x.RunId, x.Number });
                table.ForeignKey("FK_end_of_day_steps_end_of_day_runs_RunId", x => x.RunId, "end_of_day_runs", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "day_statistics",
            columns: table => new
            {
                TradingDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                RoundTrips = table.Column<int>(type: "INTEGER", nullable: false),
                Wins = table.Column<int>(type: "INTEGER", nullable: false),
                Losses = table.Column<int>(type: "INTEGER", nullable: false),
                WinRate = table.Column<decimal>(type: "TEXT", nullable: false),
                NetPnl = table.Column<decimal>(type: "TEXT", nullable: false),
                GrossProfit = table.Column<decimal>(type: "TEXT", nullable: false),
                GrossLoss = table.Column<decimal>(type: "TEXT", nullable: false),
                ProfitFactor = table.Column<decimal>(type: "TEXT", nullable: true),
                MaxDrawdown = table.Column<decimal>(type: "TEXT", nullable: false),
                OrdersPlaced = table.Column<int>(type: "INTEGER", nullable: false),
                OrdersFilled = table.Column<int>(type: "INTEGER", nullable: false),
                OrdersRejected = table.Column<int>(type: "INTEGER", nullable: false),
                OrdersCancelled = table.Column<int>(type: "INTEGER", nullable: false),
                ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                SentSummary = table.Column<string>(type: "TEXT", nullable: true),
                SummarySentAt = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_day_statistics", x => x.TradingDay));

        migrationBuilder.CreateTable(
            name: "archived_orders",
            columns: table => new
            {
                OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                CompletedAt = table.Column<long>(type: "INTEGER", nullable: false),
                ArchivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                RunId = table.Column<Guid>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_archived_orders", x => x.OrderId);
                table.ForeignKey("FK_archived_orders_orders_OrderId", x => x.OrderId, "orders", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "archived_orders");
        migrationBuilder.DropTable(name: "day_statistics");
        migrationBuilder.DropTable(name: "end_of_day_steps");
        migrationBuilder.DropTable(name: "end_of_day_runs");
        migrationBuilder.DropTable(name: "telegram_settings");
        migrationBuilder.DropTable(name: "notification_preferences");
        migrationBuilder.DropTable(name: "notification_deliveries");
        migrationBuilder.DropTable(name: "notification_inbox");
        migrationBuilder.DropTable(name: "notifications");
    }
}
