using Marketplace.Brokerage.Billing;
using Marketplace.Brokerage.Consumers;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.Brokerage.Deliveries;
using Marketplace.Brokerage.Fees;
using Marketplace.Brokerage.Impact;
using Marketplace.Brokerage.Organisations;
using Marketplace.Brokerage.Projects;
using Marketplace.Brokerage.SupplyContracts;
using Marketplace.Brokerage.Terms;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Conversations;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Persistence;

namespace Marketplace.Brokerage;

public static class BrokerageModule
{
    public const string Name = "brokerage";

    public static IHostApplicationBuilder AddBrokerage(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BrokerageDbContext, SqliteBrokerageDbContext, SqlServerBrokerageDbContext>(Name);
        builder.AddMarketplaceAuthentication(Audiences.Brokerage);

        builder.Services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.Section);
        builder.Services.AddSingleton(_ => ImpactFactors.Load());
        builder.Services.AddScoped<FeeAccrual>();
        builder.Services.AddScoped<IConversationThreads<BrokerageDbContext>, DealConversations>();
        builder.Services.AddScoped<BillingService>();
        builder.Services.AddKeyedSingleton(BillingPeriod.ClockKey, (services, _) => services.GetRequiredService<TimeProvider>());
        builder.Services.AddHostedService<ContractLifecycleService>();
        builder.AddConsumer<MatchAcceptedConsumer>(Name);
        builder.AddConsumer<ContractSignedConsumer>(Name);
        builder.AddConsumer<DeliveryRecordedConsumer>(Name);
        builder.AddConsumer<OrganisationRegisteredConsumer>(Name);
        builder.AddConsumer<OrganisationUpdatedConsumer>(Name);
        builder.AddConsumer<BundleSuggestedConsumer>(Name);
        builder.AddConsumer<ProjectStageChangedConsumer>(Name);
        builder.AddConsumer<ProjectFundingApplicationSubmittedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapBrokerage(this IEndpointRouteBuilder app)
    {
        app.MapDealEndpoints();
        app.MapConversation<BrokerageDbContext>("/api/v1/deals/{id:guid}", "Deals", "deal", Scopes.BrokerageRead, Scopes.BrokerageWrite);
        app.MapTermsEndpoints();
        app.MapContractEndpoints();
        app.MapDeliveryEndpoints();
        app.MapFeePlanEndpoints();
        app.MapChargeEndpoints();
        app.MapBillingEndpoints();
        app.MapImpactEndpoints();
        app.MapProjectEndpoints();
        return app;
    }
}
