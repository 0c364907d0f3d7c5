using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.Organisations;
using Marketplace.Brokerage.Projects;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.Brokerage.Terms;
using Marketplace.ServiceDefaults.Conversations;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Data;

public abstract class BrokerageDbContext(DbContextOptions options) : DbContext(options), IOutboxContext, IConversationContext
{
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealParty> DealParties => Set<DealParty>();
    public DbSet<DealTerms> DealTerms => Set<DealTerms>();
    public DbSet<SupplyContract> Contracts => Set<SupplyContract>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<FeePlan> FeePlans => Set<FeePlan>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<InvoiceCounter> InvoiceCounters => Set<InvoiceCounter>();
    public DbSet<BillingLock> BillingLocks => Set<BillingLock>();
    public DbSet<BillingRun> BillingRuns => Set<BillingRun>();
    public DbSet<ImpactRecord> Impact => Set<ImpactRecord>();
    public DbSet<KnownOrganisation> Organisations => Set<KnownOrganisation>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectParticipant> ProjectParticipants => Set<ProjectParticipant>();
    public DbSet<ProjectFlow> ProjectFlows => Set<ProjectFlow>();
    public DbSet<ProjectCommitment> ProjectCommitments => Set<ProjectCommitment>();
    public DbSet<ProjectTask> ProjectTasks => Set<ProjectTask>();
    public DbSet<FundingApplication> FundingApplications => Set<FundingApplication>();
    public DbSet<ProjectTimelineEntry> ProjectTimeline => Set<ProjectTimelineEntry>();
    public DbSet<BundleSuggestion> BundleSuggestions => Set<BundleSuggestion>();
    public DbSet<ConversationMessage> ConversationMessages => Set<ConversationMessage>();
    public DbSet<ConversationAttachment> ConversationAttachments => Set<ConversationAttachment>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxLease> OutboxLeases => Set<OutboxLease>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(20, 6);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxEntities();
        modelBuilder.AddConversationEntities();
        ProjectModel.Configure(modelBuilder);
        ConfigureDeals(modelBuilder);
        ConfigureContracts(modelBuilder);
        ConfigureFees(modelBuilder);
        ConfigureInvoices(modelBuilder);
        modelBuilder.Entity<ImpactRecord>(e =>
        {
            e.ToTable("ImpactRecords");
            e.HasKey(x => x.DeliveryId);
            e.HasIndex(x => x.SupplierOrganisationId);
            e.HasIndex(x => x.ReceiverOrganisationId);
            e.HasIndex(x => x.Period);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
            e.Property(x => x.FactorId).HasMaxLength(60);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Unit).HasMaxLength(10);
        });
        modelBuilder.Entity<KnownOrganisation>(e =>
        {
            e.ToTable("Organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Address).HasMaxLength(300);
            e.Property(x => x.VatId).HasMaxLength(20);
        });
    }

    /// <summary>A deal, its parties and the versions of its terms.</summary>
    private static void ConfigureDeals(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Deal>(e =>
        {
            e.ToTable("Deals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.ResourceTitle).HasMaxLength(200);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
            e.Property(x => x.BaseUnit).HasMaxLength(10);
            e.Property(x => x.YearlyAmount).HasPrecision(20, 4);
            e.HasIndex(x => x.MatchId).IsUnique();
            e.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.DealId);
        });
        modelBuilder.Entity<DealParty>(e =>
        {
            e.ToTable("DealParties");
            e.HasKey(x => new { x.DealId, x.ListingId });
            e.Property(x => x.Role).HasMaxLength(20);
            e.Property(x => x.Share).HasPrecision(9, 6);
            e.HasIndex(x => x.OrganisationId);
        });
        modelBuilder.Entity<DealTerms>(e =>
        {
            e.ToTable("DealTerms");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DealId, x.Version }).IsUnique();
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.ProposedBy).HasMaxLength(20);
            e.Property(x => x.QuantityUnit).HasMaxLength(10);
            e.Property(x => x.QuantityPeriod).HasMaxLength(10);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.DeliveryTerms).HasMaxLength(20);
            e.Property(x => x.FeePlanCode).HasMaxLength(50);
            e.Property(x => x.Note).HasMaxLength(1000);
        });
    }

    /// <summary>A signed contract and the deliveries recorded against it.</summary>
    private static void ConfigureContracts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupplyContract>(e =>
        {
            e.ToTable("Contracts");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DealId).IsUnique();
            e.HasIndex(x => x.SupplierOrganisationId);
            e.HasIndex(x => x.ReceiverOrganisationId);
            e.HasIndex(x => new { x.Status, x.EndDate });
            e.Property(x => x.Status).HasMaxLength(30);
            e.Property(x => x.ResourceTitle).HasMaxLength(200);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
            e.Property(x => x.QuantityUnit).HasMaxLength(10);
            e.Property(x => x.QuantityPeriod).HasMaxLength(10);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.DeliveryTerms).HasMaxLength(20);
            e.Property(x => x.FeePlanCode).HasMaxLength(50);
            e.Property(x => x.TerminationReason).HasMaxLength(1000);
            e.Property(x => x.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<Delivery>(e =>
        {
            e.ToTable("Deliveries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ContractId, x.Date });
            e.HasIndex(x => x.ReversesDeliveryId).IsUnique();
            e.HasIndex(x => new { x.ContractId, x.IdempotencyKey }).IsUnique();
            e.Property(x => x.Unit).HasMaxLength(10);
            e.Property(x => x.DocumentRef).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.RecordedBy).HasMaxLength(20);
            e.Property(x => x.DisputeReason).HasMaxLength(1000);
            e.Property(x => x.CorrectionReason).HasMaxLength(1000);
            e.Property(x => x.IdempotencyKey).HasMaxLength(100);
        });
    }

    /// <summary>Fee plans (versioned by code) and the ledger of fees, each entry once per source.</summary>
    private static void ConfigureFees(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeePlan>(e =>
        {
            e.ToTable("FeePlans");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(50);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.PerUnit).HasMaxLength(10);
            e.Property(x => x.Payer).HasMaxLength(20);
        });
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("LedgerEntries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SourceKey).IsUnique();
            e.HasIndex(x => x.ReversesEntryId).IsUnique();
            e.HasIndex(x => new { x.Period, x.PayerOrganisationId });
            e.HasIndex(x => x.DeliveryId);
            e.HasIndex(x => x.ProjectId);
            e.Property(x => x.SourceKey).HasMaxLength(200);
            e.Property(x => x.Source).HasMaxLength(30);
            e.Property(x => x.FeeType).HasMaxLength(30);
            e.Property(x => x.Description).HasMaxLength(300);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Reason).HasMaxLength(1000);
        });
    }

    /// <summary>Invoices with their lines, the gapless numbering and the billing lock and runs.</summary>
    private static void ConfigureInvoices(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Invoice>(e =>
        {
            e.ToTable("Invoices");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => new { x.Series, x.Year, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.Period });
            e.HasIndex(x => x.Period);
            e.Property(x => x.Series).HasMaxLength(5);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.CustomerName).HasMaxLength(200);
            e.Property(x => x.CustomerCountry).HasMaxLength(2);
            e.Property(x => x.CustomerAddress).HasMaxLength(300);
            e.Property(x => x.CustomerVatId).HasMaxLength(20);
            e.Property(x => x.SellerName).HasMaxLength(200);
            e.Property(x => x.SellerAddress).HasMaxLength(300);
            e.Property(x => x.SellerCountry).HasMaxLength(2);
            e.Property(x => x.SellerVatId).HasMaxLength(20);
            e.Property(x => x.SellerIban).HasMaxLength(34);
            e.Property(x => x.SellerBic).HasMaxLength(11);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.VatRate).HasPrecision(9, 4);
            e.Property(x => x.VatNote).HasMaxLength(500);
            e.Property(x => x.PaymentReference).HasMaxLength(200);
            e.Property(x => x.VoidReason).HasMaxLength(1000);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.InvoiceId);
        });
        modelBuilder.Entity<InvoiceLine>(e =>
        {
            e.ToTable("InvoiceLines");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.LedgerEntryId);
            e.Property(x => x.FeeType).HasMaxLength(30);
            e.Property(x => x.Description).HasMaxLength(300);
        });
        modelBuilder.Entity<InvoiceCounter>(e =>
        {
            e.ToTable("InvoiceCounters");
            e.HasKey(x => new { x.Series, x.Year });
            e.Property(x => x.Series).HasMaxLength(5);
        });
        modelBuilder.Entity<BillingLock>(e =>
        {
            e.ToTable("BillingLocks");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasData(new BillingLock { Name = "billing", Version = 0 });
        });
        modelBuilder.Entity<BillingRun>(e =>
        {
            e.ToTable("BillingRuns");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasMaxLength(7);
        });
    }
}

public sealed class SqliteBrokerageDbContext(DbContextOptions<SqliteBrokerageDbContext> options) : BrokerageDbContext(options);

public sealed class SqlServerBrokerageDbContext(DbContextOptions<SqlServerBrokerageDbContext> options) : BrokerageDbContext(options);
