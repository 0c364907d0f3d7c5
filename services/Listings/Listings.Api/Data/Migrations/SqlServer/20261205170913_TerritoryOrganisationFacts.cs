using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Listings.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TerritoryOrganisationFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Employees",
                table: "Organisations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Lat",
                table: "Organisations",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Lon",
                table: "Organisations",
                type: "float",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Lat_Lon",
                table: "Organisations",
                columns: new[] { "Lat", "Lon" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_Lat_Lon",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Employees",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Lat",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Lon",
                table: "Organisations");
        }
    }
}
