using KotakBlazor.Core.Orders;
using KotakBlazor.Core.Reconciliation;
using KotakBlazor.Infrastructure.Persistence.Configurations;
using KotakBlazor.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KotakBlazor.Infrastructure.Persistence;

/// <summary>The application's SQLite database. Created per unit of work through IDbContextFactory.</summary>
public sealed class KotakDbContext(DbContextOptions<KotakDbContext> options) : DbContext(options)
{
    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<WatchlistEntry> WatchlistEntries => Set<WatchlistEntry>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StrategyRecord> Strategies => Set<StrategyRecord>();

    public DbSet<SignalRecord> Signals => Set<SignalRecord>();

    public DbSet<BarRecord> Bars => Set<BarRecord>();

    public DbSet<OrderRecord> Orders => Set<OrderRecord>();

    public DbSet<OrderEventRecord> OrderEvents => Set<OrderEventRecord>();

    public DbSet<FillRecord> Fills => Set<FillRecord>();

    public DbSet<RiskLimitsRecord> RiskLimits => Set<RiskLimitsRecord>();

    public DbSet<KillSwitchStateRecord> KillSwitch => Set<KillSwitchStateRecord>();

    public DbSet<KillSwitchEventRecord> KillSwitchEvents => Set<KillSwitchEventRecord>();

    public DbSet<ManualTradeRecord> ManualTrades => Set<ManualTradeRecord>();

    public DbSet<JournalNoteRecord> JournalNotes => Set<JournalNoteRecord>();

    // Kotak scrip-master cache (Brokers/KotakNeo/ScripMaster).
    public DbSet<ScripMasterDayRecord> ScripMasterDays => Set<ScripMasterDayRecord>();

    public DbSet<ScripMasterInstrumentRecord> ScripMasterInstruments => Set<ScripMasterInstrumentRecord>();
    // --- Broker credentials and sessions (Kotak Neo adapter): protected payloads only, see KotakCredentialStore. ---

    public DbSet<BrokerCredentialRecord> BrokerCredentials => Set<BrokerCredentialRecord>();

    public DbSet<BrokerSessionRecord> BrokerSessions => Set<BrokerSessionRecord>();

    // --- End of broker credentials and sessions. ---

    // --- Operations: notifications (outbox, in-app centre, preferences, Telegram) and the end-of-day cleanup. ---
    public DbSet<global::KotakBlazor.Infrastructure.Notifications.NotificationRecord> Notifications => Set<global::KotakBlazor.Infrastructure.Notifications.NotificationRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Notifications.NotificationInboxRecord> NotificationInbox => Set<global::KotakBlazor.Infrastructure.Notifications.NotificationInboxRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Notifications.NotificationDeliveryRecord> NotificationDeliveries => Set<global::KotakBlazor.Infrastructure.Notifications.NotificationDeliveryRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Notifications.NotificationPreferenceRecord> NotificationPreferences => Set<global::KotakBlazor.Infrastructure.Notifications.NotificationPreferenceRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Notifications.TelegramSettingsRecord> TelegramSettings => Set<global::KotakBlazor.Infrastructure.Notifications.TelegramSettingsRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Operations.EndOfDayRunRecord> EndOfDayRuns => Set<global::KotakBlazor.Infrastructure.Operations.EndOfDayRunRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Operations.EndOfDayStepRecord> EndOfDaySteps => Set<global::KotakBlazor.Infrastructure.Operations.EndOfDayStepRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Operations.DayStatisticsRecord> DayStatistics => Set<global::KotakBlazor.Infrastructure.Operations.DayStatisticsRecord>();

    public DbSet<global::KotakBlazor.Infrastructure.Operations.ArchivedOrderRecord> ArchivedOrders => Set<global::KotakBlazor.Infrastructure.Operations.ArchivedOrderRecord>();
    // --- End of operations. ---
    // --- Placements (batched multi-leg orders, Infrastructure/Placements): placements, their legs and order links. ---
    public DbSet<Placements.PlacementRecord> Placements => Set<Placements.PlacementRecord>();

    public DbSet<Placements.PlacementLegRecord> PlacementLegs => Set<Placements.PlacementLegRecord>();

    public DbSet<Placements.PlacementOrderRecord> PlacementOrders => Set<Placements.PlacementOrderRecord>();

    // --- End of placements. ---

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

        // Enums as their names: a row reads plainly in a SQLite shell, and reordering an enum
        // can never silently change what stored rows mean.
        StoreAsName<OrderSide>(configurationBuilder);
        StoreAsName<OrderType>(configurationBuilder);
        StoreAsName<ProductType>(configurationBuilder);
        StoreAsName<OrderValidity>(configurationBuilder);
        StoreAsName<OrderStatus>(configurationBuilder);
        StoreAsName<PositionState>(configurationBuilder);
        StoreAsName<OrderSource>(configurationBuilder);
        StoreAsName<OrderPurpose>(configurationBuilder);
        StoreAsName<OrderEventKind>(configurationBuilder);
        StoreAsName<ManualTradeKind>(configurationBuilder);
        StoreAsName<ManualTradeStatus>(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserAccount>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.UserName).HasMaxLength(64);
            user.Property(u => u.NormalizedUserName).HasMaxLength(64);
            user.Property(u => u.Role).HasMaxLength(16);
            user.HasIndex(u => u.NormalizedUserName).IsUnique();
            user.HasMany(u => u.Watchlist).WithOne(w => w.User).HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WatchlistEntry>(entry =>
        {
            entry.ToTable("watchlist_entries");
            entry.Property(w => w.InstrumentKey).HasMaxLength(32);
            entry.Property(w => w.TradingSymbol).HasMaxLength(64);
            entry.HasIndex(w => new { w.UserId, w.InstrumentKey }).IsUnique();
        });

        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.Name).HasMaxLength(64);
            key.Property(k => k.Prefix).HasMaxLength(16);
            key.Property(k => k.KeyHash).HasMaxLength(64);
            key.Property(k => k.Role).HasMaxLength(16);
            key.Property(k => k.CreatedBy).HasMaxLength(64);
            key.HasIndex(k => k.KeyHash).IsUnique();
        });

        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.Property(a => a.Actor).HasMaxLength(64);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.RemoteAddress).HasMaxLength(64);
            audit.HasIndex(a => a.At);
        });

        modelBuilder.Entity<StrategyRecord>(strategy =>
        {
            strategy.ToTable("strategies");
            strategy.Property(s => s.Key).HasMaxLength(64);
            strategy.Property(s => s.Name).HasMaxLength(64);
            strategy.Property(s => s.Product).HasMaxLength(8);
            strategy.Property(s => s.CreatedBy).HasMaxLength(64);
        });

        modelBuilder.Entity<SignalRecord>(signal =>
        {
            signal.ToTable("signals");
            signal.Property(s => s.StrategyName).HasMaxLength(64);
            signal.Property(s => s.StrategyKey).HasMaxLength(64);
            signal.Property(s => s.Kind).HasMaxLength(8);
            signal.Property(s => s.Product).HasMaxLength(8);
            signal.HasIndex(s => s.Time);
            signal.HasIndex(s => new { s.StrategyId, s.Time });
        });

        modelBuilder.Entity<BarRecord>(bar =>
        {
            bar.ToTable("bars");
            bar.HasKey(b => new { b.InstrumentKey, b.TimeframeMinutes, b.Start });
            bar.Property(b => b.InstrumentKey).HasMaxLength(32);
        });

        modelBuilder.ApplyConfiguration(new OrderRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OrderEventRecordConfiguration());
        modelBuilder.ApplyConfiguration(new FillRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RiskLimitsRecordConfiguration());
        modelBuilder.ApplyConfiguration(new KillSwitchStateRecordConfiguration());
        modelBuilder.ApplyConfiguration(new KillSwitchEventRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ManualTradeRecordConfiguration());
        modelBuilder.ApplyConfiguration(new JournalNoteRecordConfiguration());

        // Kotak scrip-master cache (Brokers/KotakNeo/ScripMaster).
        modelBuilder.ApplyConfiguration(new ScripMasterDayRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ScripMasterInstrumentRecordConfiguration());
        // --- Broker credentials and sessions (Kotak Neo adapter). ---
        modelBuilder.ApplyConfiguration(new BrokerCredentialRecordConfiguration());
        modelBuilder.ApplyConfiguration(new BrokerSessionRecordConfiguration());
        // --- End of broker credentials and sessions. ---
        // --- Second factor of app users (Accounts/TwoFactorService); reached through Set<T>(). ---
        modelBuilder.Entity<UserTwoFactorRecord>(factor =>
        {
            factor.ToTable("user_two_factor");
            factor.HasKey(f => f.UserId);
            factor.HasOne<UserAccount>().WithOne().HasForeignKey<UserTwoFactorRecord>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UserRecoveryCodeRecord>(code =>
        {
            code.ToTable("user_recovery_codes");
            code.Property(c => c.CodeHash).HasMaxLength(64);
            code.HasIndex(c => c.UserId);
            code.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        // --- End of second factor. ---
        // --- Operations: notifications and the end-of-day cleanup. ---
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Notifications.NotificationRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Notifications.NotificationInboxRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Notifications.NotificationDeliveryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Notifications.NotificationPreferenceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Notifications.TelegramSettingsRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Operations.EndOfDayRunRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Operations.EndOfDayStepRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Operations.DayStatisticsRecordConfiguration());
        modelBuilder.ApplyConfiguration(new global::KotakBlazor.Infrastructure.Operations.ArchivedOrderRecordConfiguration());
        // --- End of operations. ---
        // --- Placements (Infrastructure/Placements). ---
        modelBuilder.ApplyConfiguration(new Placements.PlacementRecordConfiguration());
        modelBuilder.ApplyConfiguration(new Placements.PlacementLegRecordConfiguration());
        modelBuilder.ApplyConfiguration(new Placements.PlacementOrderRecordConfiguration());
        // --- End of placements. ---
    }

    private static void StoreAsName<TEnum>(ModelConfigurationBuilder configurationBuilder)
        where TEnum : struct, Enum =>
        configurationBuilder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);
}
