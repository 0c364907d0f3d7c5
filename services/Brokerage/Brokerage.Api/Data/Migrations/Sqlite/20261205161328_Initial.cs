using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Brokerage.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BillingLocks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingLocks", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "BillingRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EntriesBilled = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoicesIssued = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TermsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TermsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SupplierOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiverOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EwcCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResourceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    QuantityAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    QuantityUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    QuantityPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PricePerUnit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DeliveryTerms = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FeePlanCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FeePlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SupplierSignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceiverSignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TerminatedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResourceTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EwcCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResourceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    YearlyAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    BaseUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DealTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuantityAmount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    QuantityUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    QuantityPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PricePerUnit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DeliveryTerms = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FeePlanCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DocumentRef = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DisputeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReversesDeliveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PercentOfValue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    AmountPerUnit = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    PerUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SuccessFee = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    MonthlyMembership = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    MinimumPerInvoice = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    MaximumPerInvoice = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    Payer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SupplierShare = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeePlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImpactRecords",
                columns: table => new
                {
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiverOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ResourceClass = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FactorId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TonnesDiverted = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Co2eSubstitutionKg = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Co2eTransportKg = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Co2eAvoidedKg = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    WaterSavedM3 = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    EnergyRecoveredMWh = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    SupplierSavingEur = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    ReceiverSavingEur = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactRecords", x => x.DeliveryId);
                });

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
                name: "InvoiceCounters",
                columns: table => new
                {
                    Series = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceCounters", x => new { x.Series, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CustomerCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    CustomerAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CustomerVatId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SellerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SellerAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SellerCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    SellerVatId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SellerIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    SellerBic = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Net = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    VatRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Vat = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    ReverseCharge = table.Column<bool>(type: "INTEGER", nullable: false),
                    VatNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RelatedInvoiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BillingRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FeeType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PayerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FeePlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReversesEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    VatId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
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

            migrationBuilder.CreateTable(
                name: "DealParties",
                columns: table => new
                {
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Share = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealParties", x => new { x.DealId, x.ListingId });
                    table.ForeignKey(
                        name: "FK_DealParties_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    LedgerEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FeeType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLines_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BillingLocks",
                columns: new[] { "Name", "Version" },
                values: new object[] { "billing", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_DealId",
                table: "Contracts",
                column: "DealId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_ReceiverOrganisationId",
                table: "Contracts",
                column: "ReceiverOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Status_EndDate",
                table: "Contracts",
                columns: new[] { "Status", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_SupplierOrganisationId",
                table: "Contracts",
                column: "SupplierOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DealParties_OrganisationId",
                table: "DealParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_MatchId",
                table: "Deals",
                column: "MatchId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DealTerms_DealId_Version",
                table: "DealTerms",
                columns: new[] { "DealId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ContractId_Date",
                table: "Deliveries",
                columns: new[] { "ContractId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ContractId_IdempotencyKey",
                table: "Deliveries",
                columns: new[] { "ContractId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ReversesDeliveryId",
                table: "Deliveries",
                column: "ReversesDeliveryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeePlans_Code_Version",
                table: "FeePlans",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactRecords_Period",
                table: "ImpactRecords",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactRecords_ReceiverOrganisationId",
                table: "ImpactRecords",
                column: "ReceiverOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactRecords_SupplierOrganisationId",
                table: "ImpactRecords",
                column: "SupplierOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId",
                table: "InvoiceLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_LedgerEntryId",
                table: "InvoiceLines",
                column: "LedgerEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Number",
                table: "Invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_OrganisationId_Period",
                table: "Invoices",
                columns: new[] { "OrganisationId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Period",
                table: "Invoices",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Series_Year_Sequence",
                table: "Invoices",
                columns: new[] { "Series", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_DeliveryId",
                table: "LedgerEntries",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Period_PayerOrganisationId",
                table: "LedgerEntries",
                columns: new[] { "Period", "PayerOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversesEntryId",
                table: "LedgerEntries",
                column: "ReversesEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_SourceKey",
                table: "LedgerEntries",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_Sequence",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BillingLocks");

            migrationBuilder.DropTable(
                name: "BillingRuns");

            migrationBuilder.DropTable(
                name: "Contracts");

            migrationBuilder.DropTable(
                name: "DealParties");

            migrationBuilder.DropTable(
                name: "DealTerms");

            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "FeePlans");

            migrationBuilder.DropTable(
                name: "ImpactRecords");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "InvoiceCounters");

            migrationBuilder.DropTable(
                name: "InvoiceLines");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "OutboxLeases");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Deals");

            migrationBuilder.DropTable(
                name: "Invoices");
        }
    }
}
