using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Notifications;

internal sealed class NotificationDeliveryRecordConfiguration : IEntityTypeConfiguration<NotificationDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryRecord> delivery)
    {
        delivery.ToTable("notification_deliveries");
        delivery.Property(d => d.Channel).HasMaxLength(16);
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        // The worker's question: what is pending and due, oldest first.
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => d.NotificationId);
        delivery.HasOne<NotificationRecord>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
