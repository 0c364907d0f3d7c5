using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Identity.Account;
using Marketplace.Identity.Data;
using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Paging;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Organisations;

public sealed record SiteRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(300)] string? Address,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string Country,
    [property: Range(-90, 90)] double? Lat,
    [property: Range(-180, 180)] double? Lon);

public sealed record FirstAdminRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email);

public sealed record RegisterOrganisationRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: RegularExpression(@"^\d{2}(\.\d{1,2})?$", ErrorMessage = "naceCode must be a NACE Rev. 2 code such as 23.51.")] string? NaceCode,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string Country,
    [property: StringLength(300)] string? Address,
    [property: MaxLength(50)] SiteRequest[]? Sites = null,
    FirstAdminRequest? Admin = null,
    [property: RegularExpression(OrganisationEvents.VatIdPattern, ErrorMessage = OrganisationEvents.VatIdMessage)] string? VatId = null,
    [property: Range(0, OrganisationEvents.MaxEmployees)] int? Employees = null);

/// <summary>Fields left out (null) keep their value; <c>sites</c>, when given, replaces the list.</summary>
public sealed record UpdateOrganisationRequest(
    [property: StringLength(200, MinimumLength = 2)] string? Name,
    [property: RegularExpression(@"^\d{2}(\.\d{1,2})?$", ErrorMessage = "naceCode must be a NACE Rev. 2 code such as 23.51.")] string? NaceCode,
    [property: RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string? Country,
    [property: StringLength(300)] string? Address,
    [property: MaxLength(50)] SiteRequest[]? Sites,
    [property: RegularExpression(OrganisationEvents.VatIdPattern, ErrorMessage = OrganisationEvents.VatIdMessage)] string? VatId = null,
    [property: Range(0, OrganisationEvents.MaxEmployees)] int? Employees = null);

public sealed record SiteDto(Guid Id, string Name, string? Address, string Country, double? Lat, double? Lon);

public sealed record OrganisationDto(Guid Id, string Name, string Kind, string? NaceCode, string Country, string? Address,
    IReadOnlyList<SiteDto> Sites, int Version, DateTime CreatedAt, DateTime UpdatedAt, string? VatId, int? Employees);

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Organisations");
        group.MapPost("/", RegisterOrganisation).WithName(nameof(RegisterOrganisation))
            .WithSummary("Register an organisation")
            .WithDescription("The operator registers a company, optionally with its sites and a first admin who is e-mailed an invitation. Other services learn of it through an event.")
            .RequireScope(Scopes.Admin).RequireOperatorRole();
        group.MapGet("/", ListOrganisations).WithName(nameof(ListOrganisations))
            .WithSummary("List organisations")
            .WithDescription("The operator sees every organisation; others see their own. `{ items, nextCursor }`.")
            .RequireScope(Scopes.Admin);
        group.MapGet("/{id:guid}", GetOrganisation).WithName(nameof(GetOrganisation))
            .WithSummary("Get an organisation")
            .WithDescription("One organisation with its sites, VAT ID and NACE code. 404 for an organisation the caller may not see.")
            .RequireScope(Scopes.Admin);
        group.MapPatch("/{id:guid}", UpdateOrganisation).WithName(nameof(UpdateOrganisation))
            .WithSummary("Update an organisation")
            .WithDescription("Changes the organisation's name, address, VAT ID, NACE code or sites. Its admins and the operator.")
            .RequireScope(Scopes.Admin).RequireOrganisationManager()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        app.MapPost("/api/v1/registrations", SelfRegister).WithName(nameof(SelfRegister))
            .WithSummary("Apply to join")
            .WithDescription("Anonymous: a company asks to join the marketplace; the operator reviews the application. The answer says what happens next.").WithTags("Organisations")
            .AllowAnonymous();
        return app;
    }

    /// <summary>The operator registers a company; with <c>admin</c>, its first admin gets an invitation by email.</summary>
    public static async Task<Results<Created<OrganisationDto>, ForbidHttpResult, ValidationProblem>> RegisterOrganisation(
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

        var organisation = NewOrganisation(request, clock);
        db.Organisations.Add(organisation);
        db.AddEvent(organisation.Registered(), organisation.Id.ToString());
        string? invitationToken = null;
        if (request.Admin is { } firstAdmin)
        {
            invitationToken = MemberEndpoints.StageInvitation(db, organisation.Id, firstAdmin.Email, Roles.Admin, user, settings.Value, clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (invitationToken is not null)
        {
            await MemberEndpoints.SendInvitationAsync(mail, http, marketplace.Value, organisation.Name, request.Admin!.Email, Roles.Admin, invitationToken, cancellationToken);
        }

        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", organisation.AsDto());
    }

    public sealed record SelfRegistrationRequest(
        [property: Required] RegisterOrganisationRequest Organisation,
        [property: Required, EmailAddress, StringLength(256)] string Email,
        [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
        [property: Required, StringLength(128, MinimumLength = 10)] string Password);

    public sealed record SelfRegistrationAccepted(Guid OrganisationId, string Status);

    /// <summary>
    /// A company signs itself up: the organisation and its first admin are created at once, and the admin
    /// confirms the email address before signing in. The same answer for a taken address would leak
    /// accounts, so that case answers 202 too and mails the owner instead.
    /// </summary>
    public static async Task<Results<Accepted<SelfRegistrationAccepted>, ValidationProblem>> SelfRegister(
        SelfRegistrationRequest request, IdentityDataContext db, UserManager<MarketplaceUser> users, IMailSender mail,
        IOptions<MarketplaceOptions> marketplace, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Organisation.Admin is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["organisation.admin"] = ["Not allowed here: the registering person is the admin."] });
        }

        var taken = await users.FindByEmailAsync(request.Email);
        if (taken is not null)
        {
            await mail.SendAsync(request.Email, "Registration attempt", "Someone tried to register a company with your address, which already has an account. If that was you, sign in instead.", cancellationToken);
            return TypedResults.Accepted((string?)null, new SelfRegistrationAccepted(Guid.Empty, "confirmation-sent"));
        }

        var organisation = NewOrganisation(request.Organisation, clock);
        var account = new MarketplaceUser
        {
            Id = Guid.CreateVersion7(), UserName = request.Email, Email = request.Email, OrganisationId = organisation.Id, DisplayName = request.DisplayName.Trim(),
        };
        var passwordErrors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, request.Password);
            passwordErrors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (passwordErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [.. passwordErrors] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        db.AddEvent(organisation.Registered(), organisation.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        var created = await users.CreateAsync(account, request.Password);
        if (!created.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [.. created.Errors.Select(e => e.Description)] });
        }

        db.Memberships.Add(new Membership { UserId = account.Id, OrganisationId = organisation.Id, Role = Roles.Admin });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var code = AccountEndpoints.Encode(await users.GenerateEmailConfirmationTokenAsync(account));
        var link = $"{AccountEndpoints.PublicBase(http, marketplace.Value)}/account/confirm-email?userId={account.Id}&code={code}";
        await mail.SendAsync(request.Email, "Confirm your email address", $"Welcome to the Symbiosis Marketplace, {account.DisplayName}.\n\nConfirm your address to sign in: {link}\n", cancellationToken);
        return TypedResults.Accepted((string?)null, new SelfRegistrationAccepted(organisation.Id, "confirmation-sent"));
    }

    /// <summary>Operators see every organisation; anyone else sees only its own. Ordered by id, <c>cursor</c> = last id seen.</summary>
    public static async Task<Results<Ok<Page<OrganisationDto>>, ValidationProblem>> ListOrganisations(
        ClaimsPrincipal user, IdentityDataContext db, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 200."] });
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!Guid.TryParse(cursor, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["cursor is not one this API returned."] });
            }

            after = parsed;
        }

        var query = db.Organisations.AsNoTracking().Include(o => o.Sites).AsQueryable();
        if (!user.IsOperator())
        {
            var own = user.OrganisationId() ?? Guid.Empty;
            query = query.Where(o => o.Id == own);
        }

        if (after is { } a)
        {
            query = query.Where(o => o.Id > a);
        }

        var items = await query.OrderBy(o => o.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = items.Count > take ? items[take - 1].Id.ToString() : null;
        return TypedResults.Ok(new Page<OrganisationDto>([.. items.Take(take).Select(o => o.AsDto())], next));
    }

    public static async Task<Results<Ok<OrganisationDto>, NotFound>> GetOrganisation(
        Guid id, ClaimsPrincipal user, IdentityDataContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!user.IsOperator() && user.OrganisationId() != id)
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Sites).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ETag(organisation);
        return TypedResults.Ok(organisation.AsDto());
    }

    /// <summary>An admin of the organisation or the operator. <c>If-Match</c> with the ETag guards against lost updates.</summary>
    public static async Task<Results<Ok<OrganisationDto>, NotFound, ProblemHttpResult>> UpdateOrganisation(
        Guid id, UpdateOrganisationRequest request, ClaimsPrincipal user, IdentityDataContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!CanManage(user, id))
        {
            return TypedResults.NotFound();
        }

        var organisation = await db.Organisations.Include(o => o.Sites).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != ETag(organisation))
        {
            http.Response.Headers.ETag = ETag(organisation);
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
                detail: $"If-Match {ifMatch} does not match the current version {ETag(organisation)}; GET the organisation and retry.");
        }

        organisation.Name = request.Name?.Trim() ?? organisation.Name;
        organisation.NaceCode = request.NaceCode ?? organisation.NaceCode;
        organisation.Country = request.Country ?? organisation.Country;
        organisation.Address = request.Address ?? organisation.Address;
        organisation.VatId = request.VatId ?? organisation.VatId;
        organisation.Employees = request.Employees ?? organisation.Employees;
        if (request.Sites is { } sites)
        {
            db.Sites.RemoveRange(organisation.Sites);
            organisation.Sites = [.. sites.Select(s => NewSite(organisation.Id, s))];
        }

        organisation.Version++;
        organisation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.AddEvent(organisation.Updated(), organisation.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale version",
                detail: "The organisation changed while this request was processed; GET it and retry.");
        }

        http.Response.Headers.ETag = ETag(organisation);
        return TypedResults.Ok(organisation.AsDto());
    }

    /// <summary>The operator, or an admin of that organisation.</summary>
    internal static bool CanManage(ClaimsPrincipal user, Guid organisationId) => user.CanManageOrganisation(organisationId);

    private static string ETag(Organisation o) => $"\"{o.Version}\"";

    private static Organisation NewOrganisation(RegisterOrganisationRequest request, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        return new Organisation
        {
            Id = id,
            Name = request.Name.Trim(),
            Kind = OrganisationKinds.Company,
            NaceCode = request.NaceCode,
            Country = request.Country,
            Address = request.Address,
            VatId = request.VatId,
            Employees = request.Employees,
            CreatedAt = now,
            UpdatedAt = now,
            Sites = [.. (request.Sites ?? []).Select(s => NewSite(id, s))],
        };
    }

    private static Site NewSite(Guid organisationId, SiteRequest s) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = organisationId, Name = s.Name.Trim(), Address = s.Address, Country = s.Country, Lat = s.Lat, Lon = s.Lon,
    };

    internal static OrganisationDto AsDto(this Organisation o) => new(o.Id, o.Name, o.Kind, o.NaceCode, o.Country, o.Address,
        [.. o.Sites.Select(s => new SiteDto(s.Id, s.Name, s.Address, s.Country, s.Lat, s.Lon))], o.Version, o.CreatedAt, o.UpdatedAt, o.VatId, o.Employees);
}
