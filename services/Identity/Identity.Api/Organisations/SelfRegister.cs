using System.ComponentModel.DataAnnotations;
using Marketplace.Identity.Account;
using Marketplace.Identity.Mail;
using Marketplace.ServiceDefaults;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Organisations;

public sealed record SelfRegistrationRequest(
    [property: Required] RegisterOrganisationRequest Organisation,
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
    [property: Required, StringLength(128, MinimumLength = 10)] string Password);

public sealed record SelfRegistrationAccepted(Guid OrganisationId, string Status);

/// <summary>
/// POST /api/v1/registrations: a company signs itself up: the organisation and its first admin are created at once, and
/// the admin confirms the email address before signing in. The same answer for a taken address would leak accounts, so
/// that case answers 202 too and mails the owner instead.
/// </summary>
public static class SelfRegister
{
    public static async Task<Results<Accepted<SelfRegistrationAccepted>, ValidationProblem>> Handle(
        SelfRegistrationRequest request, IdentityDataContext db, UserManager<MarketplaceUser> users, IMailSender mail,
        IOptions<MarketplaceOptions> marketplace, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Organisation.Admin is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["organisation.admin"] = ["Not allowed here: the registering person is the admin."] });
        }

        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            await mail.SendAsync(request.Email, "Registration attempt", "Someone tried to register a company with your address, which already has an account. If that was you, sign in instead.", cancellationToken);
            return TypedResults.Accepted((string?)null, new SelfRegistrationAccepted(Guid.Empty, "confirmation-sent"));
        }

        var organisation = OrganisationMapping.NewOrganisation(request.Organisation, clock);
        var account = new MarketplaceUser
        {
            Id = Guid.CreateVersion7(), UserName = request.Email, Email = request.Email, OrganisationId = organisation.Id, DisplayName = request.DisplayName.Trim(),
        };
        var errors = await PasswordErrorsAsync(users, account, request.Password) ?? await CreateAsync(db, users, organisation, account, request.Password, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var code = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(account));
        var link = $"{AccountTokens.PublicBase(http, marketplace.Value)}/account/confirm-email?userId={account.Id}&code={code}";
        await mail.SendAsync(request.Email, "Confirm your email address", $"Welcome to the Symbiosis Marketplace, {account.DisplayName}.\n\nConfirm your address to sign in: {link}\n", cancellationToken);
        return TypedResults.Accepted((string?)null, new SelfRegistrationAccepted(organisation.Id, "confirmation-sent"));
    }

    /// <summary>What every password validator says about the password, under <c>password</c>; null when none objects.</summary>
    private static async Task<Dictionary<string, string[]>?> PasswordErrorsAsync(UserManager<MarketplaceUser> users, MarketplaceUser account, string password)
    {
        var passwordErrors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, password);
            passwordErrors.AddRange(check.Errors.Select(e => e.Description));
        }

        return passwordErrors.Count > 0 ? new() { ["password"] = [.. passwordErrors] } : null;
    }

    /// <summary>The organisation (with its event), the account and its admin membership in one transaction; the account's errors under <c>email</c>.</summary>
    private static async Task<Dictionary<string, string[]>?> CreateAsync(IdentityDataContext db, UserManager<MarketplaceUser> users,
        Organisation organisation, MarketplaceUser account, string password, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        db.AddEvent(organisation.Registered(), organisation.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return new() { ["email"] = [.. created.Errors.Select(e => e.Description)] };
        }

        db.Memberships.Add(new Membership { UserId = account.Id, OrganisationId = organisation.Id, Role = Roles.Admin });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
