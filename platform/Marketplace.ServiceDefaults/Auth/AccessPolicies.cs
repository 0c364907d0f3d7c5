using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// Who may call an endpoint at all, decided by the authorization middleware, before the body is read or validated:
/// a caller without the right gets its 403 (or 404) whatever it sent, never a 400 about a body it may not send.
/// </summary>
public static class AccessPolicies
{
    /// <summary>The caller holds the operator (or platform admin) role.</summary>
    public static TBuilder RequireOperatorRole<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.IsOperator())
            .Build());

    /// <summary>
    /// The caller is the operator or an admin of the organisation named by the route value <paramref name="routeValue"/>.
    /// Anyone else gets 404, as for an organisation that does not exist: another tenant's existence is not confirmed.
    /// </summary>
    public static TBuilder RequireOrganisationManager<TBuilder>(this TBuilder endpoint, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new OrganisationManagerRequirement(routeValue))
            .Build());

    /// <summary>Operator, or admin of the organisation <paramref name="organisationId"/>.</summary>
    public static bool CanManageOrganisation(this System.Security.Claims.ClaimsPrincipal user, Guid organisationId) =>
        user.IsOperator() || (user.OrganisationId() == organisationId && user.HasClaim(MarketplaceClaims.Role, Roles.Admin));
}

/// <summary>See <see cref="AccessPolicies.RequireOrganisationManager{TBuilder}"/>.</summary>
public sealed class OrganisationManagerRequirement(string routeValue) : AuthorizationHandler<OrganisationManagerRequirement>, IAuthorizationRequirement
{
    public string RouteValue { get; } = routeValue;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganisationManagerRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http?.Request.RouteValues[requirement.RouteValue] is { } value && Guid.TryParse(value.ToString(), out var organisationId)
            && context.User.CanManageOrganisation(organisationId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Answers a caller whose only failure is <see cref="OrganisationManagerRequirement"/> with a 404 problem (a missing scope
/// stays a 403); everything else as usual.
/// </summary>
internal sealed class NotFoundForOtherTenantsResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() is { Count: > 0 } failed
            && failed.All(r => r is OrganisationManagerRequirement))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not Found" },
            });
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
