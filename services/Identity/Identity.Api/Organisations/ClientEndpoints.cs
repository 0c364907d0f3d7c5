using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Identity.Data;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

public sealed record CreateClientRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string Name,
    [property: Required, MinLength(1), MaxLength(20)] string[] Scopes);

public sealed record ClientCreatedDto(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> Scopes, Guid OrganisationId);

public sealed record ClientDto(string ClientId, string Name, IReadOnlyList<string> Scopes, Guid OrganisationId);

/// <summary>
/// Partner API clients of one organisation, managed by its admins and the operator. A secret is returned once
/// (on creation and on rotation) and stored only as OpenIddict's hash.
/// </summary>
public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations/{id:guid}/clients").WithTags("API clients").RequireOrganisationManager();
        group.MapPost("/", CreateClient).WithName(nameof(CreateClient))
            .WithSummary("Create an API client")
            .WithDescription("Creates a client-credentials client for the organisation with the scopes asked for. The secret is in this answer only; store it.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/", ListClients).WithName(nameof(ListClients))
            .WithSummary("List API clients")
            .WithDescription("The organisation's API clients with their scopes and roles (never their secrets). `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapPost("/{clientId}/secret", RotateClientSecret).WithName(nameof(RotateClientSecret))
            .WithSummary("Rotate a client's secret")
            .WithDescription("Issues a new secret for the client and invalidates the old one. The secret is in this answer only.")
            .RequireScope(Scopes.Admin);
        group.MapDelete("/{clientId}", RevokeClient).WithName(nameof(RevokeClient))
            .WithSummary("Revoke an API client")
            .WithDescription("Deletes the client; its tokens are refused from then on.")
            .RequireScope(Scopes.Admin);
        return app;
    }

    public static async Task<Results<Created<ClientCreatedDto>, NotFound, ValidationProblem>> CreateClient(
        Guid id, CreateClientRequest request, ClaimsPrincipal user, IdentityDataContext db,
        IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id) || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
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
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = request.Name.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in request.Scopes.Distinct())
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        new ClientBinding(id, []).WriteTo(descriptor);
        await applications.CreateAsync(descriptor, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{id}/clients/{clientId}",
            new ClientCreatedDto(clientId, secret, descriptor.DisplayName, [.. request.Scopes.Distinct()], id));
    }

    /// <summary>An organisation's API clients, all in one page (<c>nextCursor</c> null): a handful per organisation.</summary>
    public static async Task<Results<Ok<Page<ClientDto>>, NotFound>> ListClients(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id))
        {
            return TypedResults.NotFound();
        }

        var marker = id.ToString();
        var candidates = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientType == ClientTypes.Confidential && a.Properties != null && a.Properties.Contains(marker))
            .OrderBy(a => a.ClientId).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ClientDto>([.. candidates.Select(a => AsDto(a, id)).OfType<ClientDto>()], null));
    }

    public sealed record SecretDto(string ClientId, string ClientSecret);

    /// <summary>A new secret replaces the old one at once; tokens already issued stay valid until they expire.</summary>
    public static async Task<Results<Ok<SecretDto>, NotFound>> RotateClientSecret(
        Guid id, string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (await FindOwnedAsync(id, clientId, user, applications, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        return TypedResults.Ok(new SecretDto(clientId, secret));
    }

    /// <summary>Deletes the client and revokes the token entries it holds; it can no longer obtain tokens.</summary>
    public static async Task<Results<NoContent, NotFound>> RevokeClient(
        Guid id, string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, CancellationToken cancellationToken)
    {
        if (await FindOwnedAsync(id, clientId, user, applications, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var applicationId = await applications.GetIdAsync(application, cancellationToken);
        if (applicationId is not null)
        {
            await tokens.RevokeByApplicationIdAsync(applicationId, cancellationToken);
        }

        await applications.DeleteAsync(application, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<object?> FindOwnedAsync(Guid id, string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        if (!OrganisationEndpoints.CanManage(user, id) || clientId.Length > 100)
        {
            return null;
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || await applications.GetClientTypeAsync(application, cancellationToken) != ClientTypes.Confidential)
        {
            return null;
        }

        var binding = ClientBinding.From(await applications.GetPropertiesAsync(application, cancellationToken));
        // The operator's own clients (with roles) are not managed through a company's endpoints.
        return binding is not null && binding.OrganisationId == id && (binding.Roles.Count == 0 || user.IsOperator()) ? application : null;
    }

    private static ClientDto? AsDto(OpenIddictEntityFrameworkCoreApplication a, Guid organisationId)
    {
        var properties = string.IsNullOrEmpty(a.Properties)
            ? [] : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(a.Properties) ?? [];
        var binding = ClientBinding.From(System.Collections.Immutable.ImmutableDictionary.ToImmutableDictionary(properties));
        if (binding?.OrganisationId != organisationId)
        {
            return null;
        }

        var permissions = string.IsNullOrEmpty(a.Permissions) ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(a.Permissions) ?? [];
        var scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        return new ClientDto(a.ClientId!, a.DisplayName ?? a.ClientId!, scopes, organisationId);
    }

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
