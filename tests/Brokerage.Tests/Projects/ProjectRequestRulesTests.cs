using Marketplace.Brokerage.Projects;

namespace Marketplace.Brokerage.Tests.Projects;

/// <summary>The shape rules a project body declares (ADR 0011), without a host or a database.</summary>
public sealed class ProjectRequestRulesTests
{
    [Fact]
    public void A_known_unit_and_project_roles_break_no_shape_rule() =>
        Assert.Empty(Request("t", new NewParticipant(Guid.NewGuid(), "supplier")).ShapeErrors());

    [Fact]
    public void An_unknown_unit_and_role_are_named_by_their_json_paths()
    {
        var errors = Request("barrels", new NewParticipant(Guid.NewGuid(), "supplier"), new NewParticipant(Guid.NewGuid(), "king")).ShapeErrors();
        Assert.Equal(new[] { "participants[1].role", "unit" }, errors.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("unit must be one of: ", errors["unit"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("role must be one of: ", errors["participants[1].role"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_participant_alone_names_its_role_error() =>
        Assert.NotNull(new NewParticipant(Guid.NewGuid(), "king").RoleError());

    private static CreateProjectRequest Request(string? unit, params NewParticipant[] participants) =>
        new("Pallet pooling", "Collective pallet collection", unit, null, null, null, null, participants);
}
