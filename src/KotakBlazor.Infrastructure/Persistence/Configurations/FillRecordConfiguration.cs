using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KotakBlazor.Infrastructure.Persistence.Configurations;

internal sealed class FillRecordConfiguration : IEntityTypeConfiguration<FillRecord>
{
    public void Configure(EntityTypeBuilder<FillRecord> fill)
    {
        fill.ToTable("fills");
        fill.Property(f => f.TradeId).HasMaxLength(64);
        fill.Property(f => f.BrokerOrderId).HasMaxLength(64);
        fill.Property(f => f.InstrumentKey).HasMaxLength(32);
        fill.Property(f => f.TradingSymbol).HasMaxLength(64);
        // A trade reported twice (push and poll) must count once in positions and P&L.
        fill.HasIndex(f => f.TradeId).IsUnique();
        fill.HasIndex(f => f.Time);
        fill.HasOne<OrderRecord>().WithMany().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
