using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Data.Migrations.Sqlite
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
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            // Bundles made before this migration: their members come from MembersJson (EF keeps GUIDs upper-case in SQLite).
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO MatchMembers (MatchId, ListingId)
                SELECT m.Id, upper(json_extract(j.value, '$.listingId'))
                FROM Matches m, json_each(m.MembersJson) j
                WHERE m.MembersJson IS NOT NULL AND json_valid(m.MembersJson) AND json_extract(j.value, '$.listingId') IS NOT NULL;
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
