using Microsoft.EntityFrameworkCore;

namespace Investment.Bench.Peer;

// The tables a conventional CRUD design gives the same business: one row per investor, lead, contact, certificate,
// certificate investor, milestone and amendment; the current state updated in place; no history.

public enum Sector
{
    HeavyIndustry, SteelAndMetallurgy, PetrochemicalsAndRefining, Energy, PortAndLogistics, SupportingIndustries,
    LightIndustryAndTextiles, AgroAndFoodProcessing, IndustrialAndUrbanInfrastructure, TourismAndServices, Other,
}

public enum ContactChannel { Meeting, Call, Email, SiteVisit, Event, VideoCall, Other }

public sealed class Investor
{
    public Guid Id { get; set; }
    public required string LegalName { get; set; }
    public required string Country { get; set; }
}

public sealed class Lead
{
    public Guid Id { get; set; }
    public Guid InvestorId { get; set; }
    public required string InvestorName { get; set; }
    public required string InvestorCountry { get; set; }
    public required string ZoneCode { get; set; }
    public required string ProjectName { get; set; }
    public required string Sector { get; set; }
    public decimal EstimatedAmount { get; set; }
    public required string EstimatedCurrency { get; set; }
    public decimal EstimatedUsd { get; set; }
    public required string Source { get; set; }
    public required string Owner { get; set; }
    public required string Stage { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateTimeOffset? LastContactAt { get; set; }
    public DateOnly? NextFollowUpOn { get; set; }
    public Guid? CertificateId { get; set; }
    /// <summary>The ETag, and the optimistic concurrency token a careful team adds.</summary>
    public int Version { get; set; }
}

public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid LeadId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public ContactChannel Channel { get; set; }
    public string[] Officers { get; set; } = [];
    public string[] InvestorPeople { get; set; } = [];
    public required string Summary { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public required string LoggedBy { get; set; }
    public DateTimeOffset LoggedAt { get; set; }
}

public sealed class Certificate
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public required string ProjectName { get; set; }
    public required string ZoneCode { get; set; }
    public Sector Sector { get; set; }
    public decimal CapitalAmount { get; set; }
    public required string CapitalCurrency { get; set; }
    public decimal CapitalUsd { get; set; }
    public decimal LandAreaHectares { get; set; }
    public DateOnly IssuedOn { get; set; }
    public int DurationYears { get; set; }
    public required string Status { get; set; }
    public Guid? LeadId { get; set; }
    public int? PlannedEmployees { get; set; }
    public int Version { get; set; }
    public List<CertificateInvestor> Investors { get; set; } = [];
    public List<Milestone> Schedule { get; set; } = [];
}

public sealed class CertificateInvestor
{
    public Guid CertificateId { get; set; }
    public Guid InvestorId { get; set; }
    public required string Name { get; set; }
    public required string Country { get; set; }
}

public sealed class Milestone
{
    public Guid CertificateId { get; set; }
    public required string Name { get; set; }
    public DateOnly Due { get; set; }
}

public sealed class Amendment
{
    public long Id { get; set; }
    public Guid CertificateId { get; set; }
    public int Number { get; set; }
    public DateOnly On { get; set; }
    public decimal? CapitalChangeUsd { get; set; }
    public required string Reason { get; set; }
}

public sealed class Target
{
    public required string ZoneCode { get; set; }
    public int Year { get; set; }
    public decimal MinimumUsd { get; set; }
    public decimal MaximumUsd { get; set; }
}

public sealed class PeerDb(DbContextOptions<PeerDb> options) : DbContext(options)
{
    public const string Schema = "peer";

    public DbSet<Investor> Investors => Set<Investor>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<Target> Targets => Set<Target>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Lead>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ZoneCode);
            e.HasIndex(x => x.Owner);
        });
        modelBuilder.Entity<Contact>(e =>
        {
            e.Property(x => x.Channel).HasConversion<string>();
            e.HasIndex(x => x.LeadId);
            e.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId);
        });
        modelBuilder.Entity<Certificate>(e =>
        {
            e.Property(x => x.Sector).HasConversion<string>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            // What the register page and the live progress query filter and order on.
            e.HasIndex(x => new { x.ZoneCode, x.IssuedOn });
            e.HasMany(x => x.Investors).WithOne().HasForeignKey(x => x.CertificateId);
            e.HasMany(x => x.Schedule).WithOne().HasForeignKey(x => x.CertificateId);
        });
        modelBuilder.Entity<CertificateInvestor>().HasKey(x => new { x.CertificateId, x.InvestorId });
        modelBuilder.Entity<Milestone>().HasKey(x => new { x.CertificateId, x.Name });
        modelBuilder.Entity<Amendment>(e =>
        {
            e.HasIndex(x => new { x.CertificateId, x.On });
            e.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId);
        });
        modelBuilder.Entity<Target>().HasKey(x => new { x.ZoneCode, x.Year });
    }
}
