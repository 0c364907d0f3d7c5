using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>The tables of collaborative projects, configured from <see cref="Data.BrokerageDbContext"/>.</summary>
internal static class ProjectModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ConfigureProjects(modelBuilder);
        ConfigureWork(modelBuilder);
    }

    /// <summary>A project with who takes part, what flows and what each has committed.</summary>
    private static void ConfigureProjects(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("Projects");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Stage);
            e.HasIndex(x => x.BundleMatchId);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(2000);
            e.Property(x => x.Stage).HasMaxLength(20);
            e.Property(x => x.Unit).HasMaxLength(10);
            e.Property(x => x.ResourceTitle).HasMaxLength(200);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
            e.Property(x => x.FacilitatorSubject).HasMaxLength(200);
            e.Property(x => x.FeePlanCode).HasMaxLength(50);
            e.Property(x => x.AbandonReason).HasMaxLength(1000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.ProjectId);
            e.HasMany(x => x.Flows).WithOne().HasForeignKey(f => f.ProjectId);
        });
        modelBuilder.Entity<ProjectParticipant>(e =>
        {
            e.ToTable("ProjectParticipants");
            e.HasKey(x => new { x.ProjectId, x.OrganisationId });
            e.HasIndex(x => x.OrganisationId);
            e.Property(x => x.Role).HasMaxLength(30);
            e.Property(x => x.Status).HasMaxLength(20);
        });
        modelBuilder.Entity<ProjectFlow>(e =>
        {
            e.ToTable("ProjectFlows");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ProjectId);
            e.Property(x => x.QualityNotes).HasMaxLength(1000);
        });
        modelBuilder.Entity<ProjectCommitment>(e =>
        {
            e.ToTable("ProjectCommitments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ProjectId, x.OrganisationId, x.Version }).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.ExitTerms).HasMaxLength(2000);
        });
    }

    /// <summary>What a project's work leaves behind: tasks, funding applications, its timeline, and the bundles projects start from.</summary>
    private static void ConfigureWork(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProjectTask>(e =>
        {
            e.ToTable("ProjectTasks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ProjectId);
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Status).HasMaxLength(10);
            e.Property(x => x.Minutes).HasMaxLength(8000);
        });
        modelBuilder.Entity<FundingApplication>(e =>
        {
            e.ToTable("ProjectFundingApplications");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ProjectId);
            e.Property(x => x.Programme).HasMaxLength(200);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Status).HasMaxLength(20);
        });
        modelBuilder.Entity<ProjectTimelineEntry>(e =>
        {
            e.ToTable("ProjectTimeline");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ProjectId, x.At });
            e.Property(x => x.Kind).HasMaxLength(30);
            e.Property(x => x.Text).HasMaxLength(1000);
        });
        modelBuilder.Entity<BundleSuggestion>(e =>
        {
            e.ToTable("BundleSuggestions");
            e.HasKey(x => x.MatchId);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.EwcCode).HasMaxLength(10);
            e.Property(x => x.ResourceClass).HasMaxLength(20);
        });
    }
}
