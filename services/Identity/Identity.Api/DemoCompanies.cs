using Marketplace.Identity.Organisations;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity;

public sealed record DemoCompany(Guid Id, string Name, string NaceCode, string Country, string Address, string UserEmail,
    int Employees, double Lat, double Lon);

/// <summary>Demo organisations with one admin each, for demo runs only. Idempotent: existing ones are left alone.</summary>
public static class DemoCompanies
{
    public const string DemoPassword = "Demo-password-1";
    public const string OperatorEmail = "operator@demo.symbiosis.local";

    public static readonly IReadOnlyList<DemoCompany> All =
    [
        new(Guid.Parse("0199a000-0000-7000-8000-000000000101"), "Nordkraft Power Station", "35.11", "DK", "Havnevej 1, 4400 Kalundborg", "energy@demo.symbiosis.local", 80, 55.68, 11.09),
        new(Guid.Parse("0199a000-0000-7000-8000-000000000102"), "Baltic Cement Works", "23.51", "DK", "Cementvej 5, 9220 Aalborg", "cement@demo.symbiosis.local", 300, 57.05, 9.92),
        new(Guid.Parse("0199a000-0000-7000-8000-000000000103"), "Fjord Brewery", "11.05", "DK", "Bryggerivej 12, 4400 Kalundborg", "brewery@demo.symbiosis.local", 60, 55.67, 11.10),
        new(Guid.Parse("0199a000-0000-7000-8000-000000000104"), "GreenLeaf Greenhouses", "01.13", "DK", "Drivhusvej 8, 4300 Holbæk", "greenhouse@demo.symbiosis.local", 25, 55.72, 11.72),
        new(Guid.Parse("0199a000-0000-7000-8000-000000000105"), "Gypsum Board Denmark", "23.62", "DK", "Gipsvej 3, 4400 Kalundborg", "boards@demo.symbiosis.local", 120, 55.66, 11.08),
        new(Guid.Parse("0199a000-0000-7000-8000-000000000106"), "Sjælland Pig Farms", "01.46", "DK", "Gårdvej 22, 4450 Jyderup", "farm@demo.symbiosis.local", 15, 55.66, 11.42),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDataContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MarketplaceUser>>();

        foreach (var company in All)
        {
            if (!await db.Organisations.AnyAsync(o => o.Id == company.Id, cancellationToken))
            {
                var organisation = new Organisation
                {
                    Id = company.Id,
                    Name = company.Name,
                    Kind = OrganisationKinds.Company,
                    NaceCode = company.NaceCode,
                    Country = company.Country,
                    Address = company.Address,
                    Employees = company.Employees,
                    CreatedAt = DateTime.UtcNow,
                    Sites = [new Site { Id = Guid.CreateVersion7(), OrganisationId = company.Id, Name = company.Name, Address = company.Address,
                        Country = company.Country, Lat = company.Lat, Lon = company.Lon }],
                };
                db.Organisations.Add(organisation);
                db.AddEvent(organisation.Registered(), company.Id.ToString());
                await db.SaveChangesAsync(cancellationToken);
            }

            await EnsureUserAsync(db, users, company.UserEmail, company.Id, Roles.Admin, company.Name, cancellationToken);
        }

        await EnsureUserAsync(db, users, OperatorEmail, IdentitySeeder.OperatorOrganisationId, Roles.Operator, "Demo operator", cancellationToken);
    }

    private static async Task EnsureUserAsync(IdentityDataContext db, UserManager<MarketplaceUser> users, string email, Guid organisationId,
        string role, string displayName, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new MarketplaceUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, OrganisationId = organisationId, DisplayName = displayName };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId, Role = role });
        await db.SaveChangesAsync(cancellationToken);
    }
}
