using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Listings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListingsOfOrganisationNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_OrganisationId_Status",
                table: "Listings");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OrganisationId_Status_Id",
                table: "Listings",
                columns: new[] { "OrganisationId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_OrganisationId_Status_Id",
                table: "Listings");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OrganisationId_Status",
                table: "Listings",
                columns: new[] { "OrganisationId", "Status" });
        }
    }
}
