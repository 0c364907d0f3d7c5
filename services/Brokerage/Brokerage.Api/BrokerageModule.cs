using Marketplace.Brokerage.Consumers;
using Marketplace.Brokerage.Data;
using Marketplace.Brokerage.Deals;
using Marketplace.ServiceDefaults.Auth;
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
        builder.AddConsumer<MatchAcceptedConsumer>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapBrokerage(this IEndpointRouteBuilder app)
    {
        app.MapDealEndpoints();
        return app;
    }
}
