using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Marketplace.ServiceDefaults.OpenApi;

/// <summary>
/// An OpenAPI 3.1 document per host at <c>/openapi/v1.json</c> with a browsable reference at <c>/scalar</c>: the
/// bearer scheme, the OAuth 2.0 token URL, 401/403 on protected operations and the <c>Idempotency-Key</c> header
/// on every POST are added here once, so each service documents only its own endpoints.
/// </summary>
public static class OpenApiDefaults
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddMarketplaceOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = title,
                    Version = "v1",
                    Description = "Symbiosis Marketplace public API. Authenticate with OAuth 2.0 (client credentials for partner apps) and send `Authorization: Bearer <token>`.",
                };
                document.Servers = [];
                ProblemResponses.AddSchema(document);
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 access token (JWT) from /connect/token.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = Scopes.All.ToDictionary(s => s, s => $"{s} ({Scopes.AudienceOf(s)} API)"),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                if (!anonymous && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any()))
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                    operation.Responses ??= [];
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No token, or an invalid one." });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token lacks the scope (or the audience) this operation needs." });
                }

                if (string.Equals(context.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "Idempotency-Key",
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "A unique key per intended operation (e.g. a UUID). A retry with the same key and body returns the first answer; the same key with another body is a 422.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                    });
                }

                ProblemResponses.Describe(operation, context);
                DocumentedRequestBodyExtensions.Describe(operation, context);
                return Task.CompletedTask;
            });
        });

    /// <summary>The document and the reference page; anonymous, so partners can read them before they have a client.</summary>
    public static IEndpointRouteBuilder MapMarketplaceOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapMarketplaceApiReference();
        return app;
    }

    public static IEndpointRouteBuilder MapMarketplaceApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Symbiosis Marketplace API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous();
        return app;
    }
}

/// <summary>Registered by a host that serves a merged document of its own (the gateway) instead of a generated one.</summary>
public sealed class MergedOpenApiMarker;
