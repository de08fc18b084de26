using Investment.Domain.Common;
using Investment.Domain.Investors;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Investors;

/// <summary>
/// The stored read model of an investor: the domain's <see cref="Domain.Investors.Investor"/> (what clients receive)
/// with what the registry needs to search, keep names unique and page: searchName is the legal name folded for search
/// and uniqueness ("quang ngai" finds "Quảng Ngãi"); position orders the list (when the registration was recorded, then
/// the id: <see cref="Place"/>); version is the ETag.
/// </summary>
public sealed record InvestorDetails(Guid Id, Investor Investor, string SearchName, long Position, long Version) : IVersioned;

public sealed partial class InvestorDetailsProjection : SingleStreamProjection<InvestorDetails, Guid>
{
    public static InvestorDetails Create(IEvent<InvestorRegistered> e) =>
        new(e.Data.InvestorId, Investor.Create(e.Data), SearchText.Fold(e.Data.Profile.LegalName), Place.PositionOf(e.Data.RecordedAt), e.Version);

    public static InvestorDetails Apply(IEvent<InvestorProfileChanged> e, InvestorDetails current) =>
        current with { Investor = current.Investor.Apply(e.Data), SearchName = SearchText.Fold(e.Data.Profile.LegalName), Version = e.Version };
}
