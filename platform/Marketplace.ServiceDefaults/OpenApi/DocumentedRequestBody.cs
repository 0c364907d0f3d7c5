using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.ServiceDefaults.OpenApi;

/// <summary>
/// The request body of an endpoint whose handler reads it by hand (the listing create and patch, the CSV import, a
/// conversation's message form),
/// declared for the OpenAPI document. The shared body validation leaves such a body to its handler, whose rules are
/// the ones that apply; a text body or a form is documented without <c>IAcceptsMetadata</c>, so routing does not answer 415 to
/// a form upload or before authentication (see docs/decisions/0010-documented-request-bodies.md).
/// </summary>
public sealed record DocumentedRequestBody(Type Type, IReadOnlyList<string> ContentTypes);

public static class DocumentedRequestBodyExtensions
{
    /// <summary>Documents <typeparamref name="T"/> as the hand-read body of the endpoint under each of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, params string[] contentTypes)
        where T : notnull
    {
        string[] types = contentTypes.Length == 0 ? ["application/json"] : contentTypes;
        builder.WithMetadata(new DocumentedRequestBody(typeof(T), types));
        // A JSON body gets its schema (with named components for nested types, which a generated client needs) from
        // the framework's own Accepts; a text body and a multipart form are described by the transformer below.
        return typeof(T) == typeof(string) || IsForm(types) ? builder : builder.Accepts<T>(types[0], types[1..]);
    }

    internal static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedRequestBody>().LastOrDefault();
        if (body is null || !(body.Type == typeof(string) || IsForm(body.ContentTypes)) || operation.RequestBody is not null)
        {
            return;
        }

        var schema = body.Type == typeof(string) ? new OpenApiSchema { Type = JsonSchemaType.String } : FormSchema(body.Type);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = body.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = schema }),
        };
    }

    private static bool IsForm(IReadOnlyList<string> contentTypes) => contentTypes.Contains("multipart/form-data");

    /// <summary>A form's fields by the record's properties (camelCase): files as binary strings, a file collection as an array of them.</summary>
    private static OpenApiSchema FormSchema(Type form) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = form.GetProperties().ToDictionary(
            p => JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p => (IOpenApiSchema)(p.PropertyType == typeof(IFormFileCollection)
                ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }
                : p.PropertyType == typeof(IFormFile)
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }
                    : new OpenApiSchema { Type = JsonSchemaType.String })),
    };
}
