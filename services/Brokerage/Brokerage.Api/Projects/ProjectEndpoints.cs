using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Brokerage.Projects;

/// <summary>
/// The route table of collaborative projects; each use case has its own file. The facilitator (operator) designs
/// and moves a project; participants join, consent, commit and sign; everyone else gets 404.
/// </summary>
public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects");
        group.MapGet("/", ListProjects.Handle).WithName(nameof(ListProjects))
            .WithSummary("List projects")
            .WithDescription("The facilitator's board: every project, optionally of one `stage`. A company: the projects it takes part in. `{ items, nextCursor }`.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/", CreateProject.Handle).WithName(nameof(CreateProject))
            .WithSummary("Create a project")
            .WithDescription("Facilitator: a project from scratch in stage `idea`, with its first participants invited (`supplier`, `offtaker`, `investor`, `installation_operator`, `logistics`, `public_body`).")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole();
        group.MapPost("/from-bundle", CreateProjectFromBundle.Handle).WithName(nameof(CreateProjectFromBundle))
            .WithSummary("Create a project from a bundle suggestion")
            .WithDescription("Facilitator: one step from a bundle suggestion; its organisations are invited and each pooled offer becomes a flow. 400 naming `matchId` for anything but a bundle.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetProject.Handle).WithName(nameof(GetProject))
            .WithSummary("Get a project")
            .WithDescription("The project as the caller may see it: another participant's quantities only with its consent, totals only when they hide at least two flows. 404 for non-participants.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPatch("/{id:guid}", UpdateProject.Handle).WithName(nameof(UpdateProject))
            .WithSummary("Update a project")
            .WithDescription("Facilitator: title, purpose or fee plan of a project that is not closed or abandoned.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/participants", AddParticipant.Handle).WithName(nameof(AddParticipant))
            .WithSummary("Invite a participant")
            .WithDescription("Facilitator: invites an organisation with a role; it sees the other participants once it joins.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapParticipationRoutes(group);
        MapCommitmentRoutes(group);
        MapWorkRoutes(group);
        return app;
    }

    /// <summary>Joining, consenting, flows, stage and feasibility: how a project takes shape.</summary>
    private static void MapParticipationRoutes(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/join", JoinProject.Handle).WithName(nameof(JoinProject))
            .WithSummary("Join a project")
            .WithDescription("The invited organisation joins, optionally showing its quantities to the others (`sharesQuantities`).")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/consent", SetConsent.Handle).WithName(nameof(SetConsent))
            .WithSummary("Share or hide quantities")
            .WithDescription("A participant shows (or hides again) its quantities to the other participants; the facilitator always sees them.")
            .RequireScope(Scopes.BrokerageWrite);
        group.MapPost("/{id:guid}/flows", AddFlow.Handle).WithName(nameof(AddFlow))
            .WithSummary("Add a flow")
            .WithDescription("Facilitator: a participant's listing or match pooled into the project with its quantity per year, distance and disposal cost; until agreement.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/stage", MoveStage.Handle).WithName(nameof(MoveStage))
            .WithSummary("Move a project's stage")
            .WithDescription("idea → feasibility → agreement → implementation → operating → closed, or abandoned with a reason. 409 problem for an illegal step; agreement needs signed commitments covering the minimum viable scale.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/feasibility", GetFeasibility.Handle).WithName(nameof(GetFeasibility))
            .WithSummary("Get the feasibility worksheet")
            .WithDescription("Computed on read from the stored inputs and the current flows; every figure with formula and source, filtered by confidentiality.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPut("/{id:guid}/feasibility", SetFeasibility.Handle).WithName(nameof(SetFeasibility))
            .WithSummary("Set the feasibility inputs")
            .WithDescription("Facilitator: minimum viable scale, capital and operating cost, output revenue, sharing key, discount rate, lifetime; stores the inputs and the computed worksheet.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>What participants commit to and sign.</summary>
    private static void MapCommitmentRoutes(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/commitments", ListCommitments.Handle).WithName(nameof(ListCommitments))
            .WithSummary("List commitments")
            .WithDescription("Every version of every participant's letter of intent and supply agreement, and the coverage of the minimum viable scale.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/{id:guid}/commitments", ProposeCommitment.Handle).WithName(nameof(ProposeCommitment))
            .WithSummary("Propose a commitment")
            .WithDescription("A letter of intent or supply agreement for a participant (the facilitator names it; a participant proposes for itself); supersedes the open version.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/commitments/{commitmentId:guid}/sign", SignCommitment.Handle).WithName(nameof(SignCommitment))
            .WithSummary("Sign a commitment")
            .WithDescription("The committing participant signs the latest version; publishes ProjectCommitmentSigned.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Tasks, the timeline and funding applications: the project's running work.</summary>
    private static void MapWorkRoutes(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/tasks", ListTasks.Handle).WithName(nameof(ListTasks))
            .WithSummary("List tasks and meetings")
            .WithDescription("Open first, then by due date.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/{id:guid}/tasks", AddTask.Handle).WithName(nameof(AddTask))
            .WithSummary("Add a task or meeting")
            .WithDescription("Facilitator: a task a participant owes, or a meeting (with `meetingAt`).")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole();
        group.MapPost("/{id:guid}/tasks/{taskId:guid}/done", CompleteTask.Handle).WithName(nameof(CompleteTask))
            .WithSummary("Close a task")
            .WithDescription("The facilitator or the owing participant closes a task; a meeting is closed with its minutes.")
            .RequireScope(Scopes.BrokerageWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/timeline", GetTimeline.Handle).WithName(nameof(GetTimeline))
            .WithSummary("Get the timeline")
            .WithDescription("What happened to the project, oldest first; for the facilitator and joined participants; no quantities.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapGet("/{id:guid}/funding-applications", ListFundingApplications.Handle).WithName(nameof(ListFundingApplications))
            .WithSummary("List funding applications")
            .WithDescription("The subsidy and funding applications prepared for the project.")
            .RequireScope(Scopes.BrokerageRead);
        group.MapPost("/{id:guid}/funding-applications", AddFundingApplication.Handle).WithName(nameof(AddFundingApplication))
            .WithSummary("Add a funding application")
            .WithDescription("Facilitator: an application to a programme, as a draft.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/funding-applications/{applicationId:guid}/status", MoveFundingApplication.Handle).WithName(nameof(MoveFundingApplication))
            .WithSummary("Change a funding application's status")
            .WithDescription("Facilitator: draft → submitted → granted (with the amount) or rejected; submitting accrues the plan's fee per application.")
            .RequireScope(Scopes.BrokerageWrite).RequireOperatorRole()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
