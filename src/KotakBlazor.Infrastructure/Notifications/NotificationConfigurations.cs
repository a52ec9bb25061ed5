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

internal sealed class NotificationInboxRecordConfiguration : IEntityTypeConfiguration<NotificationInboxRecord>
{
    public void Configure(EntityTypeBuilder<NotificationInboxRecord> inbox)
    {
        inbox.ToTable("notification_inbox");
        inbox.Property(i => i.UserName).HasMaxLength(64);
        inbox.HasIndex(i => new { i.UserName, i.NotificationId }).IsUnique();
        inbox.HasIndex(i => i.NotificationId);
        inbox.HasOne<NotificationRecord>().WithMany().HasForeignKey(i => i.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class NotificationPreferenceRecordConfiguration : IEntityTypeConfiguration<NotificationPreferenceRecord>
{
    public void Configure(EntityTypeBuilder<NotificationPreferenceRecord> preference)
    {
        preference.ToTable("notification_preferences");
        preference.HasKey(p => new { p.UserName, p.Kind });
        preference.Property(p => p.UserName).HasMaxLength(64);
        preference.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class TelegramSettingsRecordConfiguration : IEntityTypeConfiguration<TelegramSettingsRecord>
{
    public void Configure(EntityTypeBuilder<TelegramSettingsRecord> settings)
    {
        settings.ToTable("telegram_settings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.SavedBy).HasMaxLength(64);
    }
}
