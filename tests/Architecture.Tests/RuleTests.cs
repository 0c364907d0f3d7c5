using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Architecture.Tests;

/// <summary>The rules catch what they are for: each is shown a violation and must name it.</summary>
public sealed class RuleTests
{
    [Fact]
    public void A_reference_to_another_service_Api_project_is_reported()
    {
        var project = XDocument.Parse("""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <ProjectReference Include="../../Matching/Matching.Api/Matching.Api.csproj" />
                <ProjectReference Include="../../Matching/Matching.Contracts/Matching.Contracts.csproj" />
                <ProjectReference Include="../Listings.Contracts/Listings.Contracts.csproj" />
              </ItemGroup>
            </Project>
            """);
        var violations = ProjectRules.ForeignApiReferences("services/Listings/Listings.Api/Listings.Api.csproj", project);
        Assert.Equal(["services/Matching/Matching.Api/Matching.Api.csproj"], violations);
    }

    [Fact]
    public void A_reference_to_the_own_Api_project_is_allowed()
    {
        var project = XDocument.Parse("""<Project><ItemGroup><ProjectReference Include="../Listings.Api/Listings.Api.csproj" /></ItemGroup></Project>""");
        Assert.Empty(ProjectRules.ForeignApiReferences("services/Listings/Listings.Bench/Listings.Bench.csproj", project));
    }

    [Fact]
    public void Any_reference_of_a_contracts_project_is_reported()
    {
        var project = XDocument.Parse("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="MassTransit" />
                <ProjectReference Include="../../../platform/Marketplace.ServiceDefaults/Marketplace.ServiceDefaults.csproj" />
              </ItemGroup>
            </Project>
            """);
        Assert.Equal(2, ProjectRules.ContractReferences(project).Count);
    }

    [Fact]
    public void A_handler_in_an_endpoints_class_is_reported()
    {
        Assert.Equal(["SampleEndpoints.GetThing()", "SampleEndpoints.Limit"], EndpointRules.NonRouteMembers(typeof(SampleEndpoints)));
        Assert.Empty(EndpointRules.NonRouteMembers(typeof(RouteTableEndpoints)));
    }

    [Fact]
    public void A_route_whose_handler_answers_409_through_a_helper_without_documenting_it_is_reported()
    {
        var sources = new Dictionary<string, string>
        {
            ["ThingEndpoints.cs"] = """
                public static class ThingEndpoints
                {
                    public static IEndpointRouteBuilder MapThings(this IEndpointRouteBuilder app)
                    {
                        app.MapPost("/things/{id}/close", CloseThing.Handle).WithName("CloseThing");
                        app.MapPost("/things/{id}/open", OpenThing.Handle).WithDescription("Opens; then closes.").ProducesProblem(StatusCodes.Status409Conflict);
                        app.MapPatch("/things/{id}", PatchThing.Handle).ProducesProblem(StatusCodes.Status409Conflict);
                        app.MapGet("/things/{id}", GetThing.Handle);
                        return app;
                    }
                }
                """,
            ["CloseThing.cs"] = """
                using static Things.ThingHttp;
                public static class CloseThing
                {
                    public static async Task<IResult> Handle(Guid id) => await Check(id) ?? TypedResults.Ok();
                }
                """,
            ["OpenThing.cs"] = "public static class OpenThing { public static IResult Handle(Guid id) => ThingHttp.Check(id).Result ?? TypedResults.Ok(); }",
            ["PatchThing.cs"] = """
                public static class PatchThing
                {
                    public static IResult Handle(Guid id, HttpContext http) => Stale(http) ? TypedResults.StatusCode(StatusCodes.Status412PreconditionFailed) : TypedResults.Ok();

                    private static bool Stale(HttpContext http) => http.Request.Headers.IfMatch.Count > 0;
                }
                """,
            ["GetThing.cs"] = "public static class GetThing { public static IResult Handle(Guid id) => TypedResults.Ok(Format(id)); private static string Format(Guid id) => id.ToString(); }",
            ["ThingHttp.cs"] = """
                public static class ThingHttp
                {
                    public static async Task<IResult?> Check(Guid id) => id == Guid.Empty ? Problem("closed") : null;

                    private static IResult Problem(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail);
                }
                """,
        };

        Assert.Equal(
            [
                "ThingEndpoints.cs: PATCH /things/{id} (PatchThing.Handle) answers 412 but does not document it",
                "ThingEndpoints.cs: POST /things/{id}/close (CloseThing.Handle) answers 409 but does not document it",
            ],
            ProblemDocumentationRules.Undocumented(sources));
    }

    private static class SampleEndpoints
    {
        public const int Limit = 10;

        public static IEndpointRouteBuilder MapSample(IEndpointRouteBuilder app)
        {
            app.MapGet("/things", GetThing);
            return app;
        }

        public static string GetThing() => "thing";
    }

    private static class RouteTableEndpoints
    {
        public static IEndpointRouteBuilder MapRouteTable(IEndpointRouteBuilder app)
        {
            app.MapGet("/things", () => "thing").WithName("GetThing");
            return app;
        }
    }
}
