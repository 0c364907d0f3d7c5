using Marketplace.Matching.Search;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>The one rule of who may pair, which both engines' filters and the scorer read.</summary>
public sealed class CounterpartsTests
{
    [Fact]
    public void A_hazardous_offer_asks_for_the_permit_and_a_want_without_it_refuses_hazardous_offers()
    {
        Assert.Equal(HazardRule.MustAcceptHazardous, Counterparts.HazardRuleFor(Listing("offer", "Spent acid", hazardous: true)));
        Assert.Equal(HazardRule.None, Counterparts.HazardRuleFor(Listing("offer", "Clean sawdust")));
        Assert.Equal(HazardRule.MustNotBeHazardous, Counterparts.HazardRuleFor(Listing("want", "Sawdust")));
        Assert.Equal(HazardRule.None, Counterparts.HazardRuleFor(Listing("want", "Acid", acceptsHazardous: true)));
    }

    [Fact]
    public void May_pair_only_with_a_published_listing_of_the_other_kind_from_another_organisation_within_the_hazard_rule()
    {
        var acid = Listing("offer", "Spent acid", hazardous: true);
        var permitted = Listing("want", "Acid", acceptsHazardous: true);
        var plain = Listing("want", "Acid");
        Assert.True(Counterparts.MayPair(permitted, acid));
        Assert.True(Counterparts.MayPair(acid, permitted));
        Assert.False(Counterparts.MayPair(plain, acid));
        Assert.False(Counterparts.MayPair(acid, plain));
        Assert.False(Counterparts.MayPair(Listing("offer", "Other acid"), acid));
        Assert.False(Counterparts.MayPair(permitted with { OrganisationId = acid.OrganisationId }, acid));
        Assert.False(Counterparts.MayPair(permitted with { Status = "withdrawn" }, acid));
        Assert.Equal("want", Counterparts.KindFor("offer"));
        Assert.Equal("offer", Counterparts.KindFor("want"));
    }
}
