using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Fees;

/// <summary>The route table of fee plans; each use case has its own file. Fee plans are the operator's; each POST adds a version of a code, effective from a date.</summary>
public static class FeePlanEndpoints
{
    public static IEndpointRouteBuilder MapFeePlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/fee-plans").WithTags("Fee plans");
        group.MapGet("/", ListFeePlans.Handle).WithName(nameof(ListFeePlans))
            .WithSummary("List fee plans")
            .WithDescription("Every version of every fee plan, or with `inForceOn` the version of each code in force that day.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}", GetFeePlan.Handle).WithName(nameof(GetFeePlan))
            .WithSummary("Get a fee plan")
            .WithDescription("One version of a fee plan.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", CreateFeePlan.Handle).WithName(nameof(CreateFeePlan))
            .WithSummary("Add a fee plan version")
            .WithDescription("The operator adds a version of a plan code, effective from a date; earlier versions are kept.")
            .RequireScope(Scopes.Billing).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
