using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class ManualTradeRecordConfiguration : IEntityTypeConfiguration<ManualTradeRecord>
{
    public void Configure(EntityTypeBuilder<ManualTradeRecord> trade)
    {
        trade.ToTable("manual_trades");
        trade.Property(t => t.Id).ValueGeneratedNever();
        trade.Property(t => t.InstrumentKey).HasMaxLength(32);
        trade.Property(t => t.TradingSymbol).HasMaxLength(64);
        trade.Property(t => t.BrokerOrderId).HasMaxLength(64);
        trade.Property(t => t.ResolvedBy).HasMaxLength(64);
        // Reconciliation sees the same broker order on every pass; it is one manual trade.
        trade.HasIndex(t => t.BrokerOrderId).IsUnique().HasFilter("\"BrokerOrderId\" IS NOT NULL");
        trade.HasIndex(t => new { t.InstrumentKey, t.Product, t.Kind, t.Status });
        trade.HasIndex(t => t.DetectedAt);
    }
}
