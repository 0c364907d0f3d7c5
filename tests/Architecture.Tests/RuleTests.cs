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
