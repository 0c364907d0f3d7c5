using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Brokerage.Projects;

/// <summary>POST /api/v1/projects/{id}/participants (operator): invites an organisation with a role; it sees the others once it joins.</summary>
public static class AddParticipant
{
    public static async Task<Results<Created<ProjectParticipantDto>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, NewParticipant request, ClaimsPrincipal user, BrokerageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProjectAccess.FindAsync(db, id, user, cancellationToken, track: true) is not { } v)
        {
            return TypedResults.NotFound();
        }

        var errors = await CreateProject.ReferenceErrorsAsync(db, null, [request], cancellationToken);
        if (request.RoleError() is { } roleError)
        {
            errors["role"] = [roleError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key.Replace("participants[0].", "", StringComparison.Ordinal), e => e.Value));
        }

        var project = v.Project;
        if (ProjectStages.IsFinal(project.Stage))
        {
            return Problems.Conflict("Project is final", $"The project is {project.Stage}; no one joins it any more.");
        }

        if (project.ParticipantOf(request.OrganisationId) is not null)
        {
            return Problems.Conflict("Already a participant", "This organisation already takes part in the project.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var participant = new ProjectParticipant { ProjectId = project.Id, OrganisationId = request.OrganisationId, Role = request.Role, InvitedAt = now };
        db.ProjectParticipants.Add(participant);
        project.Revision++;
        var names = await ProjectAccess.NamesAsync(db, [request.OrganisationId], cancellationToken);
        ProjectAccess.Log(db, project, "participant_invited", $"{names.GetValueOrDefault(request.OrganisationId, "An organisation")} invited as {request.Role}.", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{id}/participants/{request.OrganisationId}",
            new ProjectParticipantDto(participant.OrganisationId, names.GetValueOrDefault(participant.OrganisationId), participant.Role, participant.Status, false, now, null));
    }
}
