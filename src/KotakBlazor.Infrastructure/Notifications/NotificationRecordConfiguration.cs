using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Notifications;

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> notification)
    {
        notification.ToTable("notifications");
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        notification.Property(n => n.Severity).HasConversion<string>().HasMaxLength(16);
        notification.Property(n => n.UserName).HasMaxLength(64);
        notification.HasIndex(n => n.At);
    }
}
