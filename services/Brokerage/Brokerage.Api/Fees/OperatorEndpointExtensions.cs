using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace Marketplace.Brokerage.Fees;

public static class OperatorEndpointExtensions
{
    /// <summary>
    /// Billing belongs to the operator: the scope alone is not enough, the caller must hold the operator role.
    /// An authorization policy (not a filter), so that a company gets 403 before its input is even validated.
    /// </summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ctx.User.IsOperator())
            .Build());
}
