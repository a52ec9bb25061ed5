using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class BrokerCredentialRecordConfiguration : IEntityTypeConfiguration<BrokerCredentialRecord>
{
    public void Configure(EntityTypeBuilder<BrokerCredentialRecord> credential)
    {
        credential.ToTable("broker_credentials");
        credential.HasKey(c => c.Broker);
        credential.Property(c => c.Broker).HasMaxLength(32);
        credential.Property(c => c.SavedBy).HasMaxLength(64);
    }
}
