using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Listings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddListingModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_Status_Kind",
                table: "Listings");

            migrationBuilder.AddColumn<string>(
                name: "AttributesJson",
                table: "Listings",
                type: "nvarchar(max)",
                maxLength: 32000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AvailableFrom",
                table: "Listings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AvailableUntil",
                table: "Listings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "Listings",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CpaCode",
                table: "Listings",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalRef",
                table: "Listings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Listings",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Medium",
                table: "Listings",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NaceCode",
                table: "Listings",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PriceAmount",
                table: "Listings",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriceCurrency",
                table: "Listings",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricePer",
                table: "Listings",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PublicLat",
                table: "Listings",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "PublicLon",
                table: "Listings",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "SearchKey",
                table: "Listings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "TemperatureC",
                table: "Listings",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaterQuality",
                table: "Listings",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ListingReveals",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ViewerOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevealedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingReveals", x => new { x.ListingId, x.ViewerOrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NaceCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            // Rows from before this migration: unique search keys and the public position (anonymous ones ~5 km grid).
            migrationBuilder.Sql("""
                WITH n AS (SELECT [SearchKey], ROW_NUMBER() OVER (ORDER BY [Id]) AS r FROM [Listings]) UPDATE n SET [SearchKey] = r;
                UPDATE [Listings] SET
                    [PublicLat] = CASE WHEN [Visibility] = 'anonymous' THEN ROUND([Lat] * 20, 0) / 20.0 ELSE [Lat] END,
                    [PublicLon] = CASE WHEN [Visibility] = 'anonymous' THEN ROUND([Lon] * 10, 0) / 10.0 ELSE [Lon] END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_EwcCode",
                table: "Listings",
                column: "EwcCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OrganisationId_ExternalRef",
                table: "Listings",
                columns: new[] { "OrganisationId", "ExternalRef" },
                unique: true,
                filter: "[ExternalRef] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_PublicLat_PublicLon",
                table: "Listings",
                columns: new[] { "PublicLat", "PublicLon" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_SearchKey",
                table: "Listings",
                column: "SearchKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Status_AvailableUntil",
                table: "Listings",
                columns: new[] { "Status", "AvailableUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Status_Id",
                table: "Listings",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingReveals_ViewerOrganisationId",
                table: "ListingReveals",
                column: "ViewerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListingReveals");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Listings_EwcCode",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_OrganisationId_ExternalRef",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_PublicLat_PublicLon",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_SearchKey",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_Status_AvailableUntil",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_Status_Id",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "AttributesJson",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "AvailableFrom",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "AvailableUntil",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "CpaCode",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "ExternalRef",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "Medium",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "NaceCode",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "PriceAmount",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "PriceCurrency",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "PricePer",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "PublicLat",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "PublicLon",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "TemperatureC",
                table: "Listings");

            migrationBuilder.DropColumn(
                name: "WaterQuality",
                table: "Listings");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Status_Kind",
                table: "Listings",
                columns: new[] { "Status", "Kind" });
        }
    }
}
