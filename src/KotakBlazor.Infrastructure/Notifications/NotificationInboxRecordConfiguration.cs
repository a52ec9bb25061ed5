using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Notifications;

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
