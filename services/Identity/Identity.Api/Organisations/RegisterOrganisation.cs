using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Organisations;

/// <summary>POST /api/v1/organisations: the operator registers a company; with <c>admin</c>, its first admin gets an invitation by email.</summary>
public static class RegisterOrganisation
{
    public static async Task<Results<Created<OrganisationDto>, ForbidHttpResult, ValidationProblem>> Handle(
        RegisterOrganisationRequest request, ClaimsPrincipal user, IdentityDataContext db, UserManager<MarketplaceUser> users, IMailSender mail,
        IOptions<IdentityServiceOptions> settings, IOptions<MarketplaceOptions> marketplace, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.IsOperator())
        {
            return TypedResults.Forbid();
        }

        if (request.Admin is { } admin && await users.FindByEmailAsync(admin.Email) is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["admin.email"] = ["An account with this email exists already."] });
        }

        var organisation = OrganisationMapping.NewOrganisation(request, clock);
        db.Organisations.Add(organisation);
        db.AddEvent(organisation.Registered(), organisation.Id.ToString());
        string? invitationToken = null;
        if (request.Admin is { } firstAdmin)
        {
            invitationToken = Invitations.Stage(db, organisation.Id, firstAdmin.Email, Roles.Admin, user, settings.Value, clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (invitationToken is not null)
        {
            await Invitations.SendAsync(mail, http, marketplace.Value, organisation.Name, request.Admin!.Email, Roles.Admin, invitationToken, cancellationToken);
        }

        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", organisation.AsDto());
    }
}
