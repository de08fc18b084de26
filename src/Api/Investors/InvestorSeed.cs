using Investment.Domain.Common;
using Investment.Domain.Investors;

namespace Investment.Api.Investors;

/// <summary>Demo data: the investors behind the flagship projects of the 2014 plan (domain.md, section B.I.2.3).</summary>
public static class InvestorSeed
{
    private static readonly InvestorProfile[] Flagship =
    [
        new("VSIP Quang Ngai Company Limited", "VN", [Sector.IndustrialAndUrbanInfrastructure], "https://www.vsip.com.vn",
            "Industrial–urban–service park with the Singapore VSIP company (1,746 ha).", []),
        new("Guang Lian Steel (Dung Quat) Corporation", "TW", [Sector.SteelAndMetallurgy, Sector.HeavyIndustry], null,
            "Guang Lian steel mill, with JFE (Japan).", []),
        new("JFE Steel Corporation", "JP", [Sector.SteelAndMetallurgy], "https://www.jfe-steel.co.jp", "Partner in the Guang Lian steel mill.", []),
        new("Sembcorp Utilities Pte. Ltd.", "SG", [Sector.Energy], "https://www.sembcorp.com", "1,200 MW thermal power plant, BOT.", []),
        new("ExxonMobil Exploration and Production Vietnam", "US", [Sector.Energy, Sector.PetrochemicalsAndRefining], null,
            "Gas–power complex with PVN; site selection in the zone.", []),
        new("Tập đoàn Dầu khí Việt Nam", "VN", [Sector.PetrochemicalsAndRefining, Sector.Energy], "https://www.pvn.vn",
            "PetroVietnam (PVN): expansion of the Dung Quat oil refinery; gas–power complex with ExxonMobil.", []),
        new("Doosan Heavy Industries & Construction", "KR", [Sector.HeavyIndustry, Sector.PortAndLogistics], "https://www.doosan.com",
            "Doosan Vina plant (about USD 300 m on 111 ha); phase 2 (28 ha).", []),
        new("Công ty TNHH MTV Lọc hóa dầu Bình Sơn", "VN", [Sector.PetrochemicalsAndRefining], "https://bsr.com.vn",
            "Operator of the Dung Quat oil refinery.", []),
    ];

    public static IEnumerable<Seed> Demo => Flagship.Select(profile =>
    {
        var id = IdOf(profile.LegalName, profile.Country);
        return new Seed(id, recording => [InvestorDecider.Register(id, profile, recording)]);
    });

    /// <summary>The id of a demo investor, so that other demo data (leads, certificates) can name it.</summary>
    public static Guid IdOf(string legalName, string country) => StableId.From("investor", $"{country}:{SearchText.Fold(legalName)}");

    public static InvestorProfile Named(string legalName) => Flagship.Single(p => p.LegalName == legalName);
}
