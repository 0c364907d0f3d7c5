namespace Marketplace.Identity.Tokens;

/// <summary>The route table of OpenIddict's passthrough endpoints; each has its own file.</summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange.Handle).WithName(nameof(Exchange)).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorize.Handle).WithName(nameof(Authorize)).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)EndSession.Handle).WithName(nameof(EndSession)).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        return app;
    }
}
