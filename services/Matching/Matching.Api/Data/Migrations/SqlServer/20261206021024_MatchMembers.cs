using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MatchMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchMembers",
                columns: table => new
                {
                    MatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ListingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchMembers", x => new { x.MatchId, x.ListingId });
                    table.ForeignKey(
                        name: "FK_MatchMembers_Matches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "Matches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchMembers_ListingId",
                table: "MatchMembers",
                column: "ListingId");

            // Bundles made before this migration: their members come from MembersJson.
            migrationBuilder.Sql("""
                INSERT INTO MatchMembers (MatchId, ListingId)
                SELECT DISTINCT m.Id, TRY_CAST(JSON_VALUE(j.value, '$.listingId') AS uniqueidentifier)
                FROM Matches m CROSS APPLY OPENJSON(m.MembersJson) j
                WHERE m.MembersJson IS NOT NULL AND ISJSON(m.MembersJson) = 1
                  AND TRY_CAST(JSON_VALUE(j.value, '$.listingId') AS uniqueidentifier) IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchMembers");
        }
    }
}
