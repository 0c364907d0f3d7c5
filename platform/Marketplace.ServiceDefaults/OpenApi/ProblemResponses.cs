using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marketplace.ServiceDefaults.OpenApi;

/// <summary>
/// Every error response of the document carries its RFC 9457 body: <c>application/problem+json</c> with the
/// <c>ProblemDetails</c> schema (400s keep the validation variant ASP.NET Core already gives them). A POST also names
/// its 422, the answer to an <c>Idempotency-Key</c> reused with another body, and its 409, the answer while the first
/// request with that key is in flight (besides any conflict of its own, which its route table declares). Client generators then type every
/// failure instead of guessing.
/// </summary>
internal static class ProblemResponses
{
    public const string SchemaName = "ProblemDetails";
    private const string ContentType = "application/problem+json";

    public static void AddSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(SchemaName, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem: what went wrong, in words meant for the developer.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI naming the kind of problem." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A short summary of the kind of problem." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "This occurrence, explained." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request path that failed." },
            },
        });
    }

    public static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        operation.Responses ??= [];
        if (string.Equals(context.Description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase))
        {
            operation.Responses.TryAdd("422", new OpenApiResponse { Description = "The Idempotency-Key was already used with another body." });
            const string inFlight = "A request with this Idempotency-Key is still in progress, or was applied before an interruption: retry to read its answer.";
            if (operation.Responses.TryGetValue("409", out var conflict) && conflict is OpenApiResponse own)
            {
                own.Description = $"{own.Description} (the operation's own conflict), or: {inFlight}";
            }
            else
            {
                operation.Responses.TryAdd("409", new OpenApiResponse { Description = inFlight });
            }
        }

        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (status[0] is not ('4' or '5'))
            {
                continue;
            }

            if (response is OpenApiResponse concrete && (concrete.Content is null || concrete.Content.Count == 0))
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ContentType] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
                };
            }
        }
    }
}
