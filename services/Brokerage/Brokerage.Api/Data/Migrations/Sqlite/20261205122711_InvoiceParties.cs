using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Brokerage.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoiceParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Organisations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VatId",
                table: "Organisations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerAddress",
                table: "Invoices",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerVatId",
                table: "Invoices",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SellerAddress",
                table: "Invoices",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SellerBic",
                table: "Invoices",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SellerCountry",
                table: "Invoices",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SellerIban",
                table: "Invoices",
                type: "TEXT",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SellerName",
                table: "Invoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SellerVatId",
                table: "Invoices",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "VatId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "CustomerAddress",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "CustomerVatId",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SellerAddress",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SellerBic",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SellerCountry",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SellerIban",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SellerName",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "SellerVatId",
                table: "Invoices");
        }
    }
}
