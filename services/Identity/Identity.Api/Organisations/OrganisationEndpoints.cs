using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Data;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

public sealed record RegisterOrganisationRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: RegularExpression(@"^\d{2}(\.\d{1,2})?$", ErrorMessage = "naceCode must be a NACE Rev. 2 code such as 23.51.")] string? NaceCode,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string Country,
    [property: StringLength(300)] string? Address);

public sealed record OrganisationDto(Guid Id, string Name, string Kind, string? NaceCode, string Country, string? Address, DateTime CreatedAt);

public sealed record CreateClientRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string Name,
    [property: Required, MinLength(1)] string[] Scopes);

public sealed record ClientCreatedDto(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, Guid OrganisationId);

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Organisations");
        group.MapPost("/", RegisterOrganisation).WithName(nameof(RegisterOrganisation)).RequireScope(Scopes.Admin);
        group.MapGet("/{id:guid}", GetOrganisation).WithName(nameof(GetOrganisation)).RequireScope(Scopes.Admin);
        group.MapPost("/{id:guid}/clients", CreateClient).WithName(nameof(CreateClient)).RequireScope(Scopes.Admin);
        return app;
    }

    public static async Task<Results<Created<OrganisationDto>, ForbidHttpResult>> RegisterOrganisation(
        RegisterOrganisationRequest request, ClaimsPrincipal user, IdentityDataContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.IsOperator())
        {
            return TypedResults.Forbid();
        }

        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Kind = OrganisationKinds.Company,
            NaceCode = request.NaceCode,
            Country = request.Country,
            Address = request.Address,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Organisations.Add(organisation);
        db.AddEvent(new OrganisationRegistered(organisation.Id, organisation.Name, organisation.Kind, organisation.NaceCode, organisation.Country), organisation.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", organisation.AsDto());
    }

    public static async Task<Results<Ok<OrganisationDto>, NotFound>> GetOrganisation(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, CancellationToken cancellationToken)
    {
        if (!user.IsOperator() && user.OrganisationId() != id)
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? TypedResults.NotFound() : TypedResults.Ok(organisation.AsDto());
    }

    /// <summary>A partner client acting for one organisation. The secret is returned once and stored hashed.</summary>
    public static async Task<Results<Created<ClientCreatedDto>, NotFound, ValidationProblem>> CreateClient(
        Guid id, CreateClientRequest request, ClaimsPrincipal user, IdentityDataContext db,
        IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var isAdmin = user.OrganisationId() == id && user.HasClaim(MarketplaceClaims.Role, Roles.Admin);
        if (!user.IsOperator() && !isAdmin)
        {
            return TypedResults.NotFound();
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var unknown = request.Scopes.Where(s => !Scopes.All.Contains(s) || s == Scopes.Admin && !user.IsOperator()).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["scopes"] = [$"Not grantable: {string.Join(", ", unknown)}. Allowed: {string.Join(", ", Scopes.All.Where(s => s != Scopes.Admin))}."],
            });
        }

        var clientId = $"client-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = request.Name,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in request.Scopes.Distinct())
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        new ClientBinding(id, []).WriteTo(descriptor);
        await applications.CreateAsync(descriptor, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{id}/clients/{clientId}",
            new ClientCreatedDto(clientId, secret, request.Name, [.. request.Scopes.Distinct()], id));
    }

    internal static OrganisationDto AsDto(this Organisation o) => new(o.Id, o.Name, o.Kind, o.NaceCode, o.Country, o.Address, o.CreatedAt);
}
