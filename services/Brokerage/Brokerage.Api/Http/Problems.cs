using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Http;

/// <summary>RFC 9457 answers with a status the typed results need to name.</summary>
internal static class Problems
{
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
