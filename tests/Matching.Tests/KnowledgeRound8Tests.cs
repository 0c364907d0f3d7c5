using Marketplace.Matching.Matches;
using static Marketplace.Matching.Tests.Snapshots;

namespace Marketplace.Matching.Tests;

/// <summary>
/// Knowledge round eight: exchange types added or widened (tunnel spoil and dredgings as fill and habitat, pomace to
/// gelling agents, structural steel reuse, dredged clay for bricks, glass fines to foam glass, shells to layer grit,
/// deep lake or sea water to district cooling, and the further patterns from the literature comparison), and the
/// recycler patterns that a want fits only by naming their resource (<c>use.namesResource</c>). Each supplier and receiver is described in other words
/// than the pattern's; the texts are written for these tests, not taken from the quality sets.
/// </summary>
public sealed class KnowledgeRound8Tests
{
    private static readonly Dictionary<string, double> NothingLearned = [];

    [Theory]
    [InlineData("TBM spoil from our metro tunnel", "Clay and chalk arisings from the tunnel boring machines, 200,000 t, uncontaminated.", "17 05 04", "42.13", "en",
        "Fill for a wetland scheme", "Nature charity creating saltmarsh and intertidal habitat needs bulk fill to raise the land.", "91.04", "en",
        "excavated-soil-reuse")]
    [InlineData("Maintenance dredgings from the port", "Silty harbour sediment, analysed, available each winter.", "17 05 06", "52.22", "en",
        "Material for our flood bank", "Water board building a new flood embankment along the estuary.", "42.91", "en",
        "dredged-sediment-reuse")]
    [InlineData("Ripened dredged clay", "Dewatered and desalted clayey sediment from the canal, stockpiled for two years.", "17 05 06", "42.91", "en",
        "Clay for our brickworks", "We fire facing bricks and roof tiles and look for a clay substitute.", "23.32", "en",
        "dredged-sediment-reuse")]
    [InlineData("Apple pomace from pressing", "Pressed apple residue from our juice line, dried on request.", "02 03 04", "10.32", "en",
        "Raw material for gelling agents", "We manufacture pectin and citrus fibre for jams and dairy.", "10.89", "en",
        "peel-pomace-to-pectin-extraction")]
    [InlineData("Reclaimed steel beams", "Universal beams and columns from the dismantling of a warehouse, S275, tested.", null, "43.11", "en",
        "Steel sections for a new building", "Design team committed to structural steel reuse for a portal frame building.", "41.20", "en",
        "reclaimed-structural-steel-reuse")]
    [InlineData("Fine cullet rejected by our furnace", "Glass fines below 5 mm with ceramic contamination, not accepted for melting.", "10 11 12", "23.13", "en",
        "Glass for foam glass gravel", "We produce cellular glass aggregate for insulation under floors.", "23.99", "en",
        "glass-to-mineral-wool")]
    [InlineData("Mussel shells", "Cleaned shells from our mussel processing line, 40 t a month.", "02 02 99", "10.20", "en",
        "Calcium for our layers", "Feed mill looking for shell grit for laying hens.", "10.91", "en",
        "shells-to-calcium-carbonate")]
    [InlineData("Used fishing nets", "Nylon trawl and aquaculture nets collected in our harbour.", null, "03.11", "en",
        "Feedstock for nylon regeneration", "We depolymerise polyamide 6 to caprolactam and spin yarn.", "20.60", "en",
        "fishing-nets-to-polyamide-recycling")]
    [InlineData("Beach-cast seaweed", "Kelp and wrack cleared from the beaches by the municipality.", null, "81.29", "en",
        "Seaweed for our biostimulant line", "We make plant biostimulants and seaweed extract for growers.", "20.15", "en",
        "seaweed-residues-to-biostimulants-fertiliser")]
    [InlineData("Coarse wool", "Low-grade fleece and daggings from our sheep farm, unsaleable to the wool board.", "04 02 21", "01.45", "en",
        "Wool for pellets", "We make wool pellet fertiliser for gardeners.", "20.15", "en",
        "coarse-wool-to-fertiliser-insulation")]
    [InlineData("Decommissioned solar modules", "Broken PV modules from repowering of our solar park.", "16 02 14", "35.11", "en",
        "Modules for our recycling line", "We delaminate solar panels and recover glass and silicon.", "38.32", "en",
        "pv-modules-to-recycling")]
    [InlineData("Waste fluorescent tubes", "Collected tubes and CFLs from our relamping contracts.", "20 01 21", "43.21", "en",
        "Lamps for recycling", "Our plant recovers mercury by distillation and phosphor powder.", "38.22", "en",
        "lamps-to-recycling")]
    [InlineData("Old hotel mattresses", "Pocket-sprung mattresses replaced in our hotel group.", "20 03 07", "55.10", "en",
        "Mattresses wanted", "Our mattress dismantling plant separates springs, foam and textiles.", "38.32", "en",
        "mattresses-to-dismantling-recycling")]
    [InlineData("PU foam offcuts", "Clean flexible polyurethane foam trim from our upholstery cutting.", "07 02 13", "31.09", "en",
        "Foam for rebonded underlay", "We make rebonded foam carpet underlay.", "22.29", "en",
        "pu-foam-offcuts-to-rebonded-foam")]
    [InlineData("AAC production rejects", "Broken autoclaved aerated concrete blocks from our plant.", "10 13 14", "23.61", "en",
        "Aerated concrete for cat litter", "We produce cat litter and absorbent granules.", "20.59", "en",
        "aac-waste-recycling")]
    [InlineData("Grinding sludge from bearings", "Oily grinding swarf with coolant from our bearing grinding machines.", "12 01 18", "28.15", "en",
        "Iron units for our melt shop", "We briquette de-oiled swarf for our electric arc furnace charge.", "24.10", "en",
        "grinding-sludge-to-briquettes-steelmaking")]
    [InlineData("Roofing felt offcuts", "Bituminous roofing membrane trimmings from our roofing contracts.", "17 03 02", "43.91", "en",
        "Binder-rich material for our asphalt plant", "Hot mix asphalt producer replacing part of the bitumen.", "23.99", "en",
        "roofing-felt-shingles-to-asphalt")]
    [InlineData("Spent garnet", "Used blasting abrasive from our shipyard dry dock.", "12 01 17", "30.11", "en",
        "Silica corrective for the kiln", "Cement works seeking alternative raw material for the raw meal.", "23.51", "en",
        "spent-blasting-abrasive-to-cement-asphalt")]
    [InlineData("Oil-contaminated soil", "Hydrocarbon-contaminated excavated soil from a former depot.", "17 05 03", "43.12", "en",
        "Soil for our treatment centre", "Soil hospital with biopile treatment and soil washing.", "39.00", "en",
        "contaminated-soil-to-treatment-centre")]
    [InlineData("Drill cuttings", "Treated water-based drill cuttings from our onshore wells.", "01 05 04", "06.20", "en",
        "Raw material for clinker", "Cement plant looking for alternative raw material for its raw meal.", "23.51", "en",
        "drill-cuttings-to-construction")]
    [InlineData("Cenospheres", "Hollow ash microspheres skimmed from our ash lagoon.", "10 01 02", "35.11", "en",
        "Lightweight filler for compounds", "We need a low-density filler for syntactic foam.", "20.16", "en",
        "fly-ash-cenospheres-to-fillers")]
    [InlineData("Anodising sludge", "Aluminium hydroxide filter cake from our anodising line.", "11 01 10", "25.61", "en",
        "Aluminium source for coagulant production", "We make aluminium sulphate and polyaluminium chloride.", "20.13", "en",
        "anodising-sludge-to-coagulant-ceramics")]
    [InlineData("Street sweepings", "Material from our mechanical sweepers and gully emptying, about 6,000 t a year.", "20 03 03", "81.29", "en",
        "Sweepings for our wash plant", "Our aggregate washing plant recovers sand and grit from road sweepings.", "38.32", "en",
        "road-sweepings-to-washing-recovery")]
    [InlineData("Spent cupric chloride etchant", "Copper-laden etching solution from our printed circuit board line.", null, "26.12", "en",
        "Etchant for copper recovery", "We regenerate etchant and produce copper sulphate.", "20.13", "en",
        "spent-etchant-to-copper-recovery")]
    [InlineData("Empty cable drums", "Wooden drums left on our sites after cable pulling.", null, "43.21", "en",
        "Drums back to our works", "Cable manufacturer running a cable drum return and reconditioning scheme.", "27.32", "en",
        "cable-drums-reuse")]
    [InlineData("Aluminium extrusion offcuts", "Clean 6060 alloy profile ends and press scrap from our extrusion line.", "12 01 03", "24.42", "en",
        "Aluminium scrap for our remelt furnace", "Secondary smelter buying clean aluminium scrap for billet casting.", "24.42", "en",
        "aluminium-scrap-to-remelters")]
    [InlineData("Cold water from our reservoir intake", "Our waterworks draws raw water at 5 C from the bottom of the lake all year; its cold can be taken before treatment.", null, "36.00", "en",
        "Cooling for a hospital campus", "We want to replace electric chillers with a low-carbon chilled water supply.", "86.10", "en",
        "deep-water-source-cooling", "energy")]
    [InlineData("Kaltes Tiefenwasser aus dem See", "Unser Wasserwerk entnimmt Seewasser mit 5 °C aus 60 m Tiefe.", null, "36.00", "de",
        "District cooling for office towers", "Our cooling network needs a cold source to replace electric chillers.", "35.30", "en",
        "deep-water-source-cooling", "energy")]
    [InlineData("Tunnelausbruch aus unserem Bahntunnel", "Unbelastetes Ausbruchmaterial der Tunnelbohrmaschine, 80.000 t.", "17 05 04", "42.13", "de",
        "Fill for a saltmarsh project", "We are creating intertidal habitat and need bulk fill.", "91.04", "en",
        "excavated-soil-reuse")]
    [InlineData("Pulpe de betterave surpressée", "Pulpe de sucrerie disponible pendant la campagne.", "02 04 99", "10.81", "fr",
        "Rohstoff für Geliermittel", "Wir stellen Pektin und Verdickungsmittel her.", "10.89", "de",
        "peel-pomace-to-pectin-extraction")]
    [InlineData("Gebruikte stalen liggers", "Herbruikbare staalprofielen uit de sloop van een hal.", null, "43.11", "nl",
        "Genbrugte stålbjælker til ny stålhal", "Vi bygger en stålhal og ønsker genbrug af stål.", "41.20", "da",
        "reclaimed-structural-steel-reuse")]
    [InlineData("Scarti di rottame di vetro", "Fini di vetro con ceramica, rifiutati dalla vetreria.", "10 11 12", "38.32", "it",
        "Glas für Schaumglasschotter", "Wir stellen Schaumglasschotter her.", "23.99", "de",
        "glass-to-mineral-wool")]
    [InlineData("Conchas de mejillón", "Conchas limpias de nuestra depuradora de moluscos.", "02 02 99", "10.20", "es",
        "Schelpengrit voor leghennen", "Wij zoeken voederkalk voor onze mengvoederfabriek.", "10.91", "nl",
        "shells-to-calcium-carbonate")]
    public void An_exchange_type_of_round_eight_reaches_its_pattern(
        string offerTitle, string offerText, string? ewc, string offerNace, string offerLanguage,
        string wantTitle, string wantText, string wantNace, string wantLanguage, string pattern, string resourceClass = "material")
    {
        var offer = Side(Listing("offer", offerTitle, offerText, ewc: ewc, language: offerLanguage, resourceClass: resourceClass), offerNace);
        var want = Side(Listing("want", wantTitle, wantText, language: wantLanguage, resourceClass: resourceClass), wantNace);

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.True(patternIds.Count > 0 && patternIds[0] == pattern, $"[{string.Join(", ", patternIds)}] {fit.Value}: {fit.Text}");
        Assert.True(fit.Value > 0.4, $"{fit.Value}: {fit.Text}");
    }

    [Theory]
    [InlineData("Aluminium extrusion offcuts", "Clean 6060 alloy profile ends and press scrap from our extrusion line.", "12 01 03", "24.42",
        "Tantalum scrap wanted", "Our refinery seeks capacitor scrap and sputtering target butts rich in tantalum for refining.", "24.45",
        "aluminium-scrap-to-remelters")]
    [InlineData("Used alternators and starters", "Cores from our vehicle dismantling yard, sorted by make.", "16 01 22", "38.31",
        "Reconditioned steel drums wanted", "Paint maker wants reconditioned 200-litre drums for solvent-based coatings.", "20.30",
        "cores-to-remanufacturing")]
    [InlineData("Steel scrap from demolition", "Mixed heavy melting scrap and rebar, cut to charge size.", "17 04 05", "43.11",
        "Steel sections for a new building", "Design team committed to structural steel reuse for a portal frame building.", "41.20",
        "reclaimed-structural-steel-reuse")]
    [InlineData("Mussel shells", "Cleaned shells from our mussel processing line.", "02 02 99", "10.20",
        "Wetland fill", "We need bulk fill for saltmarsh creation.", "91.04",
        "excavated-soil-reuse")]
    [InlineData("Crushed concrete", "Concrete rubble from a car park demolition, 0-40 mm.", "17 01 01", "43.11",
        "Raw material for cat litter", "We produce cat litter and absorbent granules.", "20.59",
        "aac-waste-recycling")]
    [InlineData("Silage wrap", "Used bale wrap and silage film from our dairy farm.", "02 01 04", "01.41",
        "Feedstock for nylon regeneration", "We depolymerise polyamide 6 to caprolactam and spin yarn.", "20.60",
        "fishing-nets-to-polyamide-recycling")]
    [InlineData("Fly ash", "Dry pulverised fuel ash from our coal units.", "10 01 02", "35.11",
        "Lightweight filler for compounds", "We need a low-density filler for syntactic foam.", "20.16",
        "fly-ash-cenospheres-to-fillers")]
    public void A_round_eight_pattern_does_not_reach_a_material_it_was_not_written_for(
        string offerTitle, string offerText, string? ewc, string offerNace, string wantTitle, string wantText, string wantNace, string pattern)
    {
        var offer = Side(Listing("offer", offerTitle, offerText, ewc: ewc), offerNace);
        var want = Side(Listing("want", wantTitle, wantText), wantNace);

        var (fit, patternIds) = Scoring.KnowledgeFit(offer.Annotation, want.Annotation, Kb, NothingLearned);

        Assert.False(patternIds.Count > 0 && patternIds[0] == pattern && fit.Value > 0.4, $"[{string.Join(", ", patternIds)}] {fit.Value}: {fit.Text}");
    }
}
