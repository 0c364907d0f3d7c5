using System.ComponentModel.DataAnnotations;

namespace Marketplace.ServiceDefaults.Http;

public static class FieldErrors
{
    /// <summary>
    /// Errors keyed by JSON path, as a pure rule function returns them, as the results of a request record's
    /// <see cref="IValidatableObject.Validate"/> (ADR 0011).
    /// </summary>
    public static IEnumerable<ValidationResult> AsValidationResults(this IReadOnlyDictionary<string, string[]> errors) =>
        errors.SelectMany(e => e.Value.Select(message => new ValidationResult(message, [e.Key])));
}
