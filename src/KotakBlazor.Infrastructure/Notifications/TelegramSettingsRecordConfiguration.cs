using KotakBlazor.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Notifications;

internal sealed class TelegramSettingsRecordConfiguration : IEntityTypeConfiguration<TelegramSettingsRecord>
{
    public void Configure(EntityTypeBuilder<TelegramSettingsRecord> settings)
    {
        settings.ToTable("telegram_settings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.SavedBy).HasMaxLength(64);
    }
}
