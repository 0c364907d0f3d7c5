using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SemanticMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Matches_OfferListingId_WantListingId",
                table: "Matches");

            migrationBuilder.AddColumn<string>(
                name: "MembersJson",
                table: "Matches",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatternIdsJson",
                table: "Matches",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Matches",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "TransportCo2eKgPerYear",
                table: "Matches",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TransportEurPerUnit",
                table: "Matches",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TransportEurPerYear",
                table: "Matches",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransportMode",
                table: "Matches",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "PatternWeights",
                columns: table => new
                {
                    PatternId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Weight = table.Column<double>(type: "float", nullable: false),
                    Accepted = table.Column<int>(type: "int", nullable: false),
                    Declined = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatternWeights", x => x.PatternId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_OfferListingId_WantListingId_Kind",
                table: "Matches",
                columns: new[] { "OfferListingId", "WantListingId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Matches_Sequence",
                table: "Matches",
                column: "Sequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "PatternWeights");

            migrationBuilder.DropIndex(
                name: "IX_Matches_OfferListingId_WantListingId_Kind",
                table: "Matches");

            migrationBuilder.DropIndex(
                name: "IX_Matches_Sequence",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "MembersJson",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "PatternIdsJson",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "TransportCo2eKgPerYear",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "TransportEurPerUnit",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "TransportEurPerYear",
                table: "Matches");

            migrationBuilder.DropColumn(
                name: "TransportMode",
                table: "Matches");

            migrationBuilder.CreateIndex(
                name: "IX_Matches_OfferListingId_WantListingId",
                table: "Matches",
                columns: new[] { "OfferListingId", "WantListingId" },
                unique: true);
        }
    }
}
