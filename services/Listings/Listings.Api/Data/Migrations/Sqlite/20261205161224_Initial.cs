using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Listings.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "ListingReveals",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ViewerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevealedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingReveals", x => new { x.ListingId, x.ViewerOrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "Listings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SearchKey = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalRef = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ResourceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AttributesJson = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    TemperatureC = table.Column<double>(type: "REAL", nullable: true),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WaterQuality = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EwcCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CpaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    NaceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Hazardous = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsHazardous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Per = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    YearlyAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    BaseUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    PublicLat = table.Column<double>(type: "REAL", nullable: false),
                    PublicLon = table.Column<double>(type: "REAL", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    MaxTransportKm = table.Column<double>(type: "REAL", nullable: true),
                    AvailableFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AvailableUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PriceAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    PriceCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PricePer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NaceCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AggregateId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ListingReveals_ViewerOrganisationId",
                table: "ListingReveals",
                column: "ViewerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_EwcCode",
                table: "Listings",
                column: "EwcCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OrganisationId_ExternalRef",
                table: "Listings",
                columns: new[] { "OrganisationId", "ExternalRef" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_OrganisationId_Status",
                table: "Listings",
                columns: new[] { "OrganisationId", "Status" });

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
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_Sequence",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "Sequence" });

            // Full text for ListingSearch: FTS5 with porter stemming, kept in step with Listings by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ListingsFts" USING fts5("Title", "Description", tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE TRIGGER "Listings_fts_insert" AFTER INSERT ON "Listings" BEGIN
                    INSERT INTO "ListingsFts"(rowid, "Title", "Description") VALUES (new."SearchKey", new."Title", new."Description");
                END;
                CREATE TRIGGER "Listings_fts_update" AFTER UPDATE OF "Title", "Description", "SearchKey" ON "Listings" BEGIN
                    DELETE FROM "ListingsFts" WHERE rowid = old."SearchKey";
                    INSERT INTO "ListingsFts"(rowid, "Title", "Description") VALUES (new."SearchKey", new."Title", new."Description");
                END;
                CREATE TRIGGER "Listings_fts_delete" AFTER DELETE ON "Listings" BEGIN
                    DELETE FROM "ListingsFts" WHERE rowid = old."SearchKey";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Listings_fts_insert";
                DROP TRIGGER IF EXISTS "Listings_fts_update";
                DROP TRIGGER IF EXISTS "Listings_fts_delete";
                DROP TABLE IF EXISTS "ListingsFts";
                """);

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "ListingReveals");

            migrationBuilder.DropTable(
                name: "Listings");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "OutboxLeases");

            migrationBuilder.DropTable(
                name: "OutboxMessages");
        }
    }
}
