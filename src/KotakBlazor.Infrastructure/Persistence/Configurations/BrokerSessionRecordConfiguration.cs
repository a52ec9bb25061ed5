using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class BrokerSessionRecordConfiguration : IEntityTypeConfiguration<BrokerSessionRecord>
{
    public void Configure(EntityTypeBuilder<BrokerSessionRecord> session)
    {
        session.ToTable("broker_sessions");
        session.HasKey(s => s.Broker);
        session.Property(s => s.Broker).HasMaxLength(32);
    }
}
