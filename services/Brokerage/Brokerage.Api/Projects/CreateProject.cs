using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.Listings.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

/// <summary>An organisation invited with a project role; <see cref="RoleError"/> is its shape rule (see <see cref="CreateProjectRequest.ShapeErrors"/>).</summary>
public sealed record NewParticipant(Guid OrganisationId, [property: Required] string Role)
{
    public string? RoleError() => ProjectRoles.All.Contains(Role) ? null : $"role must be one of: {string.Join(", ", ProjectRoles.All)}.";
}

public sealed record CreateProjectRequest(
    [property: Required, StringLength(200, MinimumLength = 3)] string Title,
    [property: Required, StringLength(2000, MinimumLength = 3)] string Purpose,
    [property: StringLength(10)] string? Unit,
    [property: StringLength(200)] string? ResourceTitle,
    [property: StringLength(10)] string? EwcCode,
    [property: StringLength(20)] string? ResourceClass,
    [property: StringLength(50)] string? FeePlan,
    IReadOnlyList<NewParticipant>? Participants)
{
    /// <summary>
    /// The body's own rules beyond its annotations: a known unit, a project role for every participant. Deliberately not
    /// <see cref="IValidatableObject"/> (ADR 0011): a create answers these in one 400 together with what only the database
    /// knows (an unknown fee plan or organisation), so the handler reports both.
    /// </summary>
    public Dictionary<string, string[]> ShapeErrors()
    {
        var errors = new Dictionary<string, string[]>();
        if (Unit is not null && Units.Canonical(Unit) is null)
        {
            errors["unit"] = [$"unit must be one of: {string.Join(", ", Units.All)}."];
        }

        var participants = Participants ?? [];
        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i].RoleError() is { } error)
            {
                errors[$"participants[{i}].role"] = [error];
            }
        }

        return errors;
    }
}

/// <summary>POST /api/v1/projects (operator): a project from scratch, in stage idea, with the caller as facilitator and its first participants invited.</summary>
public static class CreateProject
{
    public static async Task<Results<Created<ProjectDto>, ValidationProblem>> Handle(
        CreateProjectRequest request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.ShapeErrors();
        foreach (var (field, messages) in await ReferenceErrorsAsync(db, request.FeePlan, request.Participants ?? [], cancellationToken))
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = New(request.Title, request.Purpose, Units.Canonical(request.Unit ?? Units.Tonne)!, user, now);
        project.ResourceTitle = request.ResourceTitle;
        project.EwcCode = request.EwcCode;
        project.ResourceClass = request.ResourceClass;
        project.FeePlanCode = request.FeePlan;
        foreach (var p in (request.Participants ?? []).DistinctBy(p => p.OrganisationId))
        {
            project.Participants.Add(new ProjectParticipant { ProjectId = project.Id, OrganisationId = p.OrganisationId, Role = p.Role, InvitedAt = now });
        }

        db.Projects.Add(project);
        ProjectAccess.Log(db, project, "created", $"Project created with {project.Participants.Count} participant(s) invited.", now);
        await db.SaveChangesAsync(cancellationToken);
        var names = await ProjectAccess.NamesAsync(db, project.Participants.Select(p => p.OrganisationId), cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", project.AsDto(Confidentiality.Viewer.Facilitator, Guid.Empty, names));
    }

    internal static Project New(string title, string purpose, string unit, ClaimsPrincipal user, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Title = title.Trim(),
        Purpose = purpose.Trim(),
        Unit = unit,
        FacilitatorSubject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "operator",
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>What only the database knows: the fee plan and every participant's organisation exist.</summary>
    internal static async Task<Dictionary<string, string[]>> ReferenceErrorsAsync(BrokerageDbContext db, string? feePlan,
        IReadOnlyList<NewParticipant> participants, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (feePlan is not null && !await db.FeePlans.AnyAsync(p => p.Code == feePlan, cancellationToken))
        {
            errors["feePlan"] = [$"There is no fee plan '{feePlan}'."];
        }

        var ids = participants.Select(p => p.OrganisationId).ToList();
        var known = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < participants.Count; i++)
        {
            if (!known.Contains(participants[i].OrganisationId))
            {
                errors[$"participants[{i}].organisationId"] = [$"There is no organisation {participants[i].OrganisationId}."];
            }
        }

        return errors;
    }
}
