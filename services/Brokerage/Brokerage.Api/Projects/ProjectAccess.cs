using System.Security.Claims;
using Marketplace.Brokerage.Data;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Brokerage.Projects;

internal static class ProjectAccess
{
    public sealed record Visible(Project Project, Confidentiality.Viewer Viewer, Guid Organisation);

    /// <summary>The project with its participants and flows when the caller may see it; otherwise null (a 404, not a 403).</summary>
    public static async Task<Visible?> FindAsync(BrokerageDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Projects : db.Projects.AsNoTracking();
        var project = await query.Include(p => p.Participants).Include(p => p.Flows).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var org = user.OrganisationId() ?? Guid.Empty;
        var viewer = Confidentiality.Of(user.IsOperator(), org, project.Parties());
        return Confidentiality.SeesProject(viewer) ? new Visible(project, viewer, org) : null;
    }

    /// <summary>The facilitator acts for the project; among participants only the joined installation operator has a step of its own.</summary>
    public static ProjectActor ActorOf(Visible v) => v.Viewer switch
    {
        Confidentiality.Viewer.Facilitator => ProjectActor.Facilitator,
        Confidentiality.Viewer.Member when v.Project.ParticipantOf(v.Organisation)?.Role == ProjectRoles.InstallationOperator => ProjectActor.InstallationOperator,
        Confidentiality.Viewer.Member => ProjectActor.Participant,
        _ => ProjectActor.Outsider,
    };

    public static void Log(BrokerageDbContext db, Project project, string kind, string text, DateTime at)
    {
        project.UpdatedAt = at;
        db.ProjectTimeline.Add(new ProjectTimelineEntry { Id = Guid.CreateVersion7(), ProjectId = project.Id, At = at, Kind = kind, Text = text });
    }

    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(BrokerageDbContext db, IEnumerable<Guid> organisations, CancellationToken cancellationToken)
    {
        var ids = organisations.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}
