using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Marketplace.ServiceDefaults.Http;

/// <summary>
/// The one validation of every JSON request body, for every service, before its handler runs (ADR 0011): data
/// annotations field by field, then the rules a record declares as <see cref="IValidatableObject"/>; a missing or
/// malformed field is a 400 naming it, never a null reaching the handler. .NET 10's generated validation only covers
/// types in the project that calls <c>AddValidation()</c>, which here is the platform, not the services; this closes
/// that gap by reading the body type from the endpoint's <see cref="IAcceptsMetadata"/>. A body its handler reads by hand
/// (<see cref="DocumentedRequestBody"/>) is left to that handler's rules.
/// </summary>
internal sealed class BodyValidationMiddleware(RequestDelegate next, IOptions<JsonOptions> json)
{
    private const int MaxDepth = 8;

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var accepts = metadata?.GetMetadata<IAcceptsMetadata>();
        var type = accepts?.RequestType;
        if (type is null || type == typeof(string) || type.IsPrimitive || !context.Request.HasJsonContentType()
            || metadata!.GetMetadata<DocumentedRequestBody>() is not null)
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        if (accepts!.IsOptional && await IsEmptyAsync(context.Request))
        {
            await next(context); // an optional body may be left out
            return;
        }

        var (body, malformed) = await ReadAsync(context, type, accepts.IsOptional);
        context.Request.Body.Position = 0;
        if (malformed is not null)
        {
            // Binding would answer a bare 400; this one says what is wrong.
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body", detail: malformed).ExecuteAsync(context);
            return;
        }

        if (body is not null && Errors(body, context.RequestServices) is { Count: > 0 } errors)
        {
            await Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray())).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>The body as <paramref name="type"/>, or why it cannot be read (null body and null reason: a type JSON cannot make, left to binding).</summary>
    private async Task<(object? Body, string? Malformed)> ReadAsync(HttpContext context, Type type, bool optional)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, type, json.Value.SerializerOptions, context.RequestAborted);
            return (body, body is null && !optional ? "The request body is required: a JSON object, not null." : null);
        }
        catch (JsonException e)
        {
            return (null, $"Malformed JSON: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            return (null, $"Malformed JSON: {e.Message}"); // an unpaired UTF-16 surrogate (\ud800 without its pair) is not text
        }
        catch (NotSupportedException)
        {
            return (null, null);
        }
    }

    /// <summary>Every field's annotations, then, once all pass, the records' own rules, keyed by JSON path.</summary>
    private static Dictionary<string, List<string>> Errors(object body, IServiceProvider services)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(body, "", 0, (value, prefix) => CheckAttributes(value, prefix, errors));
        if (errors.Count == 0)
        {
            // Rules across fields run once every field is valid on its own, the order Validator.TryValidateObject uses.
            Walk(body, "", 0, (value, prefix) => CheckRules(value, prefix, services, errors));
        }

        return errors;
    }

    private static async Task<bool> IsEmptyAsync(HttpRequest request)
    {
        if (request.ContentLength is { } length)
        {
            return length == 0;
        }

        var probe = new byte[1];
        var read = await request.Body.ReadAsync(probe, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return read == 0;
    }

    /// <summary>Calls <paramref name="check"/> on <paramref name="value"/> and every object below it, with its JSON path.</summary>
    private static void Walk(object value, string prefix, int depth, Action<object, string> check)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        check(value, prefix);
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || IsLeaf(property.PropertyType))
            {
                continue;
            }

            var child = property.GetValue(value);
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (child is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is not null && !IsLeaf(item.GetType()))
                    {
                        Walk(item, $"{name}[{i}].", depth + 1, check);
                    }

                    i++;
                }
            }
            else if (child is not null)
            {
                Walk(child, name + ".", depth + 1, check);
            }
        }
    }

    private static void CheckAttributes(object value, string prefix, Dictionary<string, List<string>> errors)
    {
        // Property by property, so that an attribute that throws on an extreme value (RangeAttribute converting
        // 1e308 to int overflows) still names its field instead of turning into a 500.
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
            if (attributes.Count == 0 || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var results = new List<ValidationResult>();
            try
            {
                Validator.TryValidateValue(property.GetValue(value)!, new ValidationContext(value) { MemberName = property.Name }, results, attributes);
            }
            catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException or ArgumentException)
            {
                results.Add(new ValidationResult($"The value of {key} is out of range."));
            }

            foreach (var result in results)
            {
                Add(errors, key, result.ErrorMessage);
            }
        }
    }

    /// <summary>A record's <see cref="IValidatableObject"/> rules; its member names are JSON paths below the record.</summary>
    private static void CheckRules(object value, string prefix, IServiceProvider services, Dictionary<string, List<string>> errors)
    {
        if (value is not IValidatableObject validatable)
        {
            return;
        }

        foreach (var result in validatable.Validate(new ValidationContext(value, services, items: null)))
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                Add(errors, (prefix + member).TrimEnd('.'), result.ErrorMessage);
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string? message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message ?? "Invalid value.");
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeSpan)
            || type == typeof(JsonElement) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !typeof(IEnumerable).IsAssignableFrom(type);
    }
}
