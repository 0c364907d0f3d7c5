using System.Security.Cryptography;
using Marketplace.Identity.Organisations;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Scopes = Marketplace.ServiceDefaults.Auth.Scopes;

namespace Marketplace.Identity.Setup;

/// <summary>
/// First-run setup of a real installation: names the operator organisation, creates its first operator (a person who
/// signs in) and optionally an operator API client whose secret is printed once. Refuses when an operator exists unless forced.
/// </summary>
public static class OperatorSetup
{
    public const string PasswordVariable = "MARKETPLACE_OPERATOR_PASSWORD";

    /// <summary>The <c>setup</c> command of the run sequence (registered by <c>AddIdentityService</c>): its exit code.</summary>
    public static async Task<int> RunOperatorSetupAsync(this WebApplication app, string[] args)
    {
        var (arguments, error) = SetupArguments.Parse(args);
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"No password: set {PasswordVariable} or type it when asked (or pipe it on stdin).");
            return 2;
        }

        await app.MigrateOnStartAsync();
        await app.SeedIdentityAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var result = await CreateAsync(scope.ServiceProvider, arguments, password, CancellationToken.None);
        await (result.ExitCode == 0 ? Console.Out : Console.Error).WriteLineAsync(result.Message);
        return result.ExitCode;
    }

    public static async Task<(int ExitCode, string Message)> CreateAsync(IServiceProvider services, SetupArguments arguments, string password, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IdentityDataContext>();
        var users = services.GetRequiredService<UserManager<MarketplaceUser>>();
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        var operatorId = IdentitySeeder.OperatorOrganisationId;

        var operators = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == operatorId && (m.Role == Roles.Operator || m.Role == Roles.PlatformAdmin))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).ToListAsync(cancellationToken);
        if (operators.Count > 0 && !arguments.Force)
        {
            return (1, $"An operator exists already ({string.Join(", ", operators)}); nothing changed. Add --force to create another or to reset this one.");
        }

        var existingClient = arguments.ClientId is null ? null : await applications.FindByClientIdAsync(arguments.ClientId, cancellationToken);
        if (existingClient is not null && !arguments.Force)
        {
            return (1, $"The API client '{arguments.ClientId}' exists already; nothing changed. Add --force to give it a new secret and the operator role.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == operatorId, cancellationToken);
        organisation.Name = arguments.Organisation;
        organisation.UpdatedAt = DateTime.UtcNow;

        var user = await users.FindByEmailAsync(arguments.Email);
        if (user is not null && user.OrganisationId != operatorId)
        {
            return (1, $"{arguments.Email} belongs to another organisation; choose another email for the operator.");
        }

        var outcome = user is null ? await CreateUserAsync(users, arguments, password) : await ResetPasswordAsync(users, user, arguments, password);
        if (!outcome.Succeeded)
        {
            return (1, "The operator was not created: " + string.Join(" ", outcome.Errors.Select(e => e.Description)));
        }

        user ??= await users.FindByEmailAsync(arguments.Email) ?? throw new InvalidOperationException("The operator just created was not found.");
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == user.Id && m.OrganisationId == operatorId, cancellationToken);
        if (membership is null)
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = operatorId, Role = Roles.Operator });
        }
        else if (membership.Role is not (Roles.Operator or Roles.PlatformAdmin))
        {
            membership.Role = Roles.Operator;
        }

        await db.SaveChangesAsync(cancellationToken);
        var message = $"Operator {arguments.Email} of \"{arguments.Organisation}\" is ready: sign in at /account/login.";
        if (arguments.ClientId is { } clientId)
        {
            var secret = await SaveClientAsync(applications, existingClient, clientId, arguments.Organisation, cancellationToken);
            message += $"\nOperator API client (client credentials, operator role, all scopes); the secret is shown ONCE:\n  client_id={clientId}  client_secret={secret}";
        }

        await transaction.CommitAsync(cancellationToken);
        return (0, message);
    }

    private static Task<IdentityResult> CreateUserAsync(UserManager<MarketplaceUser> users, SetupArguments arguments, string password) =>
        users.CreateAsync(new MarketplaceUser
        {
            Id = Guid.CreateVersion7(), UserName = arguments.Email, Email = arguments.Email, EmailConfirmed = true,
            OrganisationId = IdentitySeeder.OperatorOrganisationId, DisplayName = arguments.Name ?? arguments.Email,
        }, password);

    private static async Task<IdentityResult> ResetPasswordAsync(UserManager<MarketplaceUser> users, MarketplaceUser user, SetupArguments arguments, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return valid;
            }
        }

        user.EmailConfirmed = true;
        user.DisplayName = arguments.Name ?? user.DisplayName;
        user.LockoutEnd = null;
        await users.RemovePasswordAsync(user);
        return await users.AddPasswordAsync(user, password);
    }

    private static async Task<string> SaveClientAsync(IOpenIddictApplicationManager applications, object? existing, string clientId, string organisation, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"{organisation} operator client",
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var name in Scopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + name);
        }

        new ClientBinding(IdentitySeeder.OperatorOrganisationId, [Roles.Operator]).WriteTo(descriptor);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }

        return secret;
    }

    /// <summary>From the terminal without echo, or the first line of stdin when it is redirected (a pipe, a Job's input).</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r', '\n');
        }

        Console.Write("Operator password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
