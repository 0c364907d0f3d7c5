namespace Marketplace.Identity.Organisations;

/// <summary>
/// A company admin moves its people between member and admin; only an operator grants operator roles, to people and API
/// clients of the operator's own organisation.
/// </summary>
internal static class RoleRules
{
    /// <summary>Operator roles only in the operator's organisation and only from an operator; company roles only in companies.</summary>
    public static string? RoleError(string organisationKind, ClaimsPrincipal caller, string role)
    {
        var operatorRole = role is Roles.Operator or Roles.PlatformAdmin;
        var operatorOrganisation = organisationKind == OrganisationKinds.Operator;
        if (operatorRole != operatorOrganisation)
        {
            return operatorOrganisation ? "The operator's staff are operator or platform-admin." : "A company's people are member or admin.";
        }

        return operatorRole && !caller.IsOperator() ? "Only an operator grants operator roles." : null;
    }

    /// <summary>
    /// A company keeps at least one admin: the last one can neither become a member nor leave (<paramref name="newRole"/>
    /// null) until someone else is admin.
    /// </summary>
    public static string? LastAdminError(string currentRole, string? newRole, int admins) =>
        currentRole == Roles.Admin && newRole != Roles.Admin && admins <= 1
            ? "The company needs at least one admin: make someone else admin first."
            : null;
}
