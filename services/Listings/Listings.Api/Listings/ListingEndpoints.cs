using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Listings.Contracts;
using Marketplace.Listings.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Listings.Listings;

public sealed record QuantityDto(decimal Amount, string Unit, string Per);

public sealed record LocationDto(
    [property: Range(-90, 90)] double Lat,
    [property: Range(-180, 180)] double Lon,
    [property: Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "country must be an ISO 3166-1 alpha-2 code such as DK.")] string Country,
    [property: StringLength(300)] string? Address);

public sealed record CreateListingRequest(
    [property: Required] string Kind,
    [property: Required] string ResourceClass,
    [property: Required, StringLength(Listing.MaxTitle, MinimumLength = 3)] string Title,
    [property: StringLength(Listing.MaxDescription)] string? Description,
    [property: RegularExpression(@"^\d{2} \d{2} \d{2}\*?$", ErrorMessage = "ewcCode must be a six-digit List of Waste entry such as '10 01 02'.")] string? EwcCode,
    [property: Required] QuantityDto Quantity,
    [property: Required] LocationDto Location,
    [property: Range(0, 20000)] double? MaxTransportKm,
    bool? Hazardous,
    bool? AcceptsHazardous,
    string? Status,
    string? Visibility,
    Guid? OrganisationId);

public sealed record ListingDto(
    Guid Id,
    Guid? OrganisationId,
    string Kind,
    string ResourceClass,
    string Status,
    string Title,
    string Description,
    string? EwcCode,
    bool Hazardous,
    bool AcceptsHazardous,
    QuantityDto Quantity,
    decimal YearlyAmount,
    string BaseUnit,
    LocationDto Location,
    double? MaxTransportKm,
    string Visibility,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public static class ListingEndpoints
{
    public static IEndpointRouteBuilder MapListingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/listings").WithTags("Listings");
        group.MapPost("/", CreateListing).WithName(nameof(CreateListing)).RequireScope(Scopes.ListingsWrite);
        group.MapGet("/{id:guid}", GetListing).WithName(nameof(GetListing)).RequireScope(Scopes.ListingsRead);
        return app;
    }

    public static async Task<Results<Created<ListingDto>, ValidationProblem, ProblemHttpResult>> CreateListing(
        CreateListingRequest request, ClaimsPrincipal user, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisationId = user.ActingOrganisation(request.OrganisationId);
        if (organisationId is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed to act for that organisation",
                detail: "Only an operator may create a listing for another organisation (organisationId).");
        }

        var errors = Validate(request, out var yearly, out var baseUnit);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var listing = new Listing
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId.Value,
            Kind = request.Kind,
            ResourceClass = request.ResourceClass,
            Status = request.Status == ListingStatuses.Draft ? ListingStatuses.Draft : ListingStatuses.Published,
            Title = request.Title.Trim(),
            Description = request.Description?.Trim() ?? "",
            EwcCode = request.EwcCode?.TrimEnd('*'),
            Hazardous = (request.Hazardous ?? false) || (request.EwcCode?.EndsWith('*') ?? false),
            AcceptsHazardous = request.AcceptsHazardous ?? false,
            Amount = request.Quantity.Amount,
            Unit = request.Quantity.Unit,
            Per = request.Quantity.Per,
            YearlyAmount = yearly,
            BaseUnit = baseUnit,
            Lat = request.Location.Lat,
            Lon = request.Location.Lon,
            Country = request.Location.Country,
            Address = request.Location.Address,
            MaxTransportKm = request.MaxTransportKm,
            Visibility = request.Visibility ?? "public",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Listings.Add(listing);
        if (listing.Status == ListingStatuses.Published)
        {
            db.AddEvent(new ListingPublished(listing.ToSnapshot()), listing.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/listings/{listing.Id}", listing.AsDto());
    }

    public static async Task<Results<Ok<ListingDto>, NotFound>> GetListing(
        Guid id, ClaimsPrincipal user, ListingsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (listing is null || (listing.Status == ListingStatuses.Draft && !CanManage(user, listing)))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = $"\"{listing.Version}\"";
        return TypedResults.Ok(listing.AsDto());
    }

    private static bool CanManage(ClaimsPrincipal user, Listing listing) =>
        user.IsOperator() || user.OrganisationId() == listing.OrganisationId;

    private static Dictionary<string, string[]> Validate(CreateListingRequest request, out decimal yearly, out string baseUnit)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ListingKinds.All.Contains(request.Kind))
        {
            errors["kind"] = ["kind must be 'offer' or 'want'."];
        }

        if (!ResourceClasses.All.Contains(request.ResourceClass))
        {
            errors["resourceClass"] = [$"resourceClass must be one of: {string.Join(", ", ResourceClasses.All)}."];
        }

        if (request.Status is not null && request.Status is not (ListingStatuses.Draft or ListingStatuses.Published))
        {
            errors["status"] = ["status may only be 'draft' or 'published' when creating a listing."];
        }

        if (request.Visibility is not null && request.Visibility is not ("public" or "anonymous"))
        {
            errors["visibility"] = ["visibility must be 'public' or 'anonymous'."];
        }

        if (request.Quantity.Amount <= 0)
        {
            errors["quantity.amount"] = ["quantity.amount must be greater than zero."];
        }

        if (!QuantityNormaliser.TryNormalise(request.Quantity.Amount, request.Quantity.Unit, request.Quantity.Per, out yearly, out baseUnit))
        {
            if (!QuantityNormaliser.KnownUnits.Contains(request.Quantity.Unit))
            {
                errors["quantity.unit"] = [$"quantity.unit must be one of: {string.Join(", ", QuantityNormaliser.KnownUnits)}."];
            }

            if (!QuantityNormaliser.KnownPeriods.Contains(request.Quantity.Per))
            {
                errors["quantity.per"] = [$"quantity.per must be one of: {string.Join(", ", QuantityNormaliser.KnownPeriods)}."];
            }
        }

        return errors;
    }

    internal static ListingDto AsDto(this Listing l) => new(
        l.Id, l.OrganisationId, l.Kind, l.ResourceClass, l.Status, l.Title, l.Description, l.EwcCode, l.Hazardous, l.AcceptsHazardous,
        new QuantityDto(l.Amount, l.Unit, l.Per), l.YearlyAmount, l.BaseUnit, new LocationDto(l.Lat, l.Lon, l.Country, l.Address),
        l.MaxTransportKm, l.Visibility, l.Version, l.CreatedAt, l.UpdatedAt);
}
