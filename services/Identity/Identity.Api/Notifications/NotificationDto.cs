using System.Security.Claims;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Persistence;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Notifications;

public sealed record NotificationDto(Guid Id, string Kind, Guid SubjectId, string Link, string? Detail, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor, int Unread);

internal static class NotificationMapping
{
    public static NotificationDto AsDto(this Notification n) =>
        new(n.Id, n.Kind, n.SubjectId, n.Link, n.Detail, n.CreatedAt.AsOffset(), n.ReadAt?.AsOffset());
}

/// <summary>Notifications belong to people: a partner app's token (client credentials) has no inbox.</summary>
internal static class People
{
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        user.FindFirst("client_kind")?.Value == "user" && Guid.TryParse(user.FindFirst(OpenIddictConstants.Claims.Subject)?.Value, out var id) ? id : null;

    public static ProblemHttpResult NotAPerson() =>
        Problems.Forbidden("Notifications belong to people: sign in as a person (authorization code), not as an API client.");
}
