using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.ServiceDefaults.Http;

/// <summary>RFC 9457 answers the handlers build by hand: a status the typed results need to name, or one field's error.</summary>
public static class Problems
{
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    public static ProblemHttpResult PreconditionFailed(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: title, detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
