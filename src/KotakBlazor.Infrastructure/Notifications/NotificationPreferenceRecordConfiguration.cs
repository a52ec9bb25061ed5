using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Notifications;

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
