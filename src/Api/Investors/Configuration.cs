using JasperFx.Events.Projections;

namespace Investment.Api.Investors;

public static class InvestorsConfiguration
{
    public static void AddInvestors(this StoreOptions options)
    {
        // Inline: an officer reads back the investor just registered, and the unique index below must be checked in
        // the same transaction as the registration, so that two registrations racing for one name cannot both succeed.
        options.Projections.Add<InvestorDetailsProjection>(ProjectionLifecycle.Inline, EventStoreSetup.Batching);
        options.Schema.For<InvestorDetails>()
            .UniqueIndex("investor_country_name", x => x.Investor.Country, x => x.SearchName)
            .Index(x => x.Position);
    }
}
