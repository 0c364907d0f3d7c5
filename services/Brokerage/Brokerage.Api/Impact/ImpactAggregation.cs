namespace Marketplace.Brokerage.Impact;

/// <summary>Impact records summed and grouped by dimension, as pure functions.</summary>
public static class ImpactAggregation
{
    public static readonly string[] Dimensions = ["organisation", "country", "resourceClass", "period"];

    /// <summary>One group per distinct key; <paramref name="own"/> keeps a company to its own organisation's group.</summary>
    public static List<ImpactGroupDto> Group(List<ImpactRecord> records, string[] dims, Guid? own)
    {
        var byOrganisation = dims.Contains("organisation");

        // Grouped by organisation, each record appears once per side, carrying that side's saving.
        var rows = records.SelectMany(r => byOrganisation
            ? new (ImpactRecord Record, Guid? Org, string Side)[] { (r, r.SupplierOrganisationId, "supplier"), (r, r.ReceiverOrganisationId, "receiver") }
            : [(r, null, "both")]).Where(x => own is null || x.Org is null || x.Org == own);
        return rows
            .GroupBy(x => string.Join('|', dims.Select(d => KeyOf(d, x.Record, x.Org))))
            .Select(g => new ImpactGroupDto(
                dims.ToDictionary(d => d, d => KeyOf(d, g.First().Record, g.First().Org)),
                Sum(g.Select(x => (x.Record, x.Side)).ToList())))
            .OrderBy(g => string.Join('|', g.Key.Values))
            .ToList();
    }

    private static string? KeyOf(string dimension, ImpactRecord r, Guid? org) => dimension switch
    {
        "organisation" => org?.ToString(),
        "country" => r.Country,
        "resourceClass" => r.ResourceClass,
        _ => r.Period,
    };

    public static ImpactFiguresDto Sum(IReadOnlyList<(ImpactRecord Record, string Side)> rows)
    {
        var supplier = rows.Sum(x => x.Record.SupplierSavingEur);
        var receiver = rows.Sum(x => x.Record.ReceiverSavingEur);
        var own = rows.Sum(x => x.Side switch
        {
            "supplier" => x.Record.SupplierSavingEur,
            "receiver" => x.Record.ReceiverSavingEur,
            _ => x.Record.SupplierSavingEur + x.Record.ReceiverSavingEur,
        });
        return new ImpactFiguresDto(
            rows.Select(x => x.Record.DeliveryId).Distinct().Count(),
            rows.Sum(x => x.Record.TonnesDiverted),
            rows.Sum(x => x.Record.Co2eSubstitutionKg),
            rows.Sum(x => x.Record.Co2eTransportKg),
            rows.Sum(x => x.Record.Co2eAvoidedKg),
            rows.Sum(x => x.Record.WaterSavedM3),
            rows.Sum(x => x.Record.EnergyRecoveredMWh),
            supplier,
            receiver,
            own);
    }
}
