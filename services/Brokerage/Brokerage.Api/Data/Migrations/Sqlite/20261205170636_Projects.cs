using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Brokerage.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Projects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "LedgerEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FundingApplicationFee",
                table: "FeePlans",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ProjectFacilitationFee",
                table: "FeePlans",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ProjectSavingsPercent",
                table: "FeePlans",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ProjectStageFee",
                table: "FeePlans",
                type: "TEXT",
                precision: 20,
                scale: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BundleSuggestions",
                columns: table => new
                {
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EwcCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResourceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    MembersJson = table.Column<string>(type: "TEXT", nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BundleSuggestions", x => x.MatchId);
                });

            migrationBuilder.CreateTable(
                name: "ProjectCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuantityPerYear = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PricePerUnit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ExitNoticeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ExitTerms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProposedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCommitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectFundingApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountRequested = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmountGranted = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFundingApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ResourceTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EwcCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResourceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BundleMatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FacilitatorSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FeePlanCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AbandonReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FeasibilityInputsJson = table.Column<string>(type: "TEXT", nullable: true),
                    WorksheetJson = table.Column<string>(type: "TEXT", nullable: true),
                    WorksheetComputedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectTimeline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTimeline", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectFlows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QuantityPerYear = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    DisposalCostPerUnit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    QualityNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFlows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectFlows_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectParticipants",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SharesQuantities = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectParticipants", x => new { x.ProjectId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ProjectParticipants_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ProjectId",
                table: "LedgerEntries",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCommitments_ProjectId_OrganisationId_Version",
                table: "ProjectCommitments",
                columns: new[] { "ProjectId", "OrganisationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFlows_ProjectId",
                table: "ProjectFlows",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFundingApplications_ProjectId",
                table: "ProjectFundingApplications",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectParticipants_OrganisationId",
                table: "ProjectParticipants",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_BundleMatchId",
                table: "Projects",
                column: "BundleMatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Stage",
                table: "Projects",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTasks_ProjectId",
                table: "ProjectTasks",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTimeline_ProjectId_At",
                table: "ProjectTimeline",
                columns: new[] { "ProjectId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BundleSuggestions");

            migrationBuilder.DropTable(
                name: "ProjectCommitments");

            migrationBuilder.DropTable(
                name: "ProjectFlows");

            migrationBuilder.DropTable(
                name: "ProjectFundingApplications");

            migrationBuilder.DropTable(
                name: "ProjectParticipants");

            migrationBuilder.DropTable(
                name: "ProjectTasks");

            migrationBuilder.DropTable(
                name: "ProjectTimeline");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_ProjectId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "FundingApplicationFee",
                table: "FeePlans");

            migrationBuilder.DropColumn(
                name: "ProjectFacilitationFee",
                table: "FeePlans");

            migrationBuilder.DropColumn(
                name: "ProjectSavingsPercent",
                table: "FeePlans");

            migrationBuilder.DropColumn(
                name: "ProjectStageFee",
                table: "FeePlans");
        }
    }
}
