using System.Globalization;
using Investment.Domain.Certificates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Investment.Api.Certificates;

/// <summary>
/// The stored read model of a certificate: the domain's <see cref="Domain.Certificates.Certificate"/> (what clients
/// receive) with what the register needs to filter, sort and page it. The sort keys are digits of fixed width, so they
/// compare the same in every database collation; each ends with when the issue was recorded and the id
/// (<see cref="Place"/>), to break ties. A document stored before holds its global sequence as its position, which sorts
/// before any instant: the register stays in one order, without ties, until rebuild-projections.
/// </summary>
public sealed record CertificateDetails(
    Guid Id, Certificate Certificate, IReadOnlyList<string> InvestorCountries, int IssueYear, string IssuedKey, string CapitalKey, long Position, long Version)
    : IVersioned
{
    /// <summary>The read model of a certificate just issued, from its event alone: the same before the save (the answer) and in a rebuild.</summary>
    public static CertificateDetails Issued(CertificateIssued issued, long version) => Of(Certificate.Create(issued), Place.PositionOf(issued.RecordedAt), version);

    public static CertificateDetails Of(Certificate certificate, long position, long version) =>
        new CertificateDetails(certificate.Id, certificate, [.. certificate.Investors.Select(i => i.Country).Distinct()], certificate.IssuedOn.Year,
            certificate.IssuedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Tail(position, certificate.Id), "", position, version)
            .With(certificate, version);

    public CertificateDetails With(Certificate certificate, long version) => this with
    {
        Certificate = certificate,
        InvestorCountries = [.. certificate.Investors.Select(i => i.Country).Distinct()], // the investors now: they may change
        CapitalKey = Math.Round(certificate.CapitalUsd * 100m).ToString("00000000000000000000", CultureInfo.InvariantCulture) + Tail(Position, Id),
        Version = version,
    };

    /// <summary>
    /// The dates the certificate is on the revocation watchlist (<see cref="Watchlist.Periods"/>), as a PostgreSQL
    /// datemultirange, computed from the certificate each time the document is stored: Marten copies it into an indexed
    /// column, so the watchlist of a date loads only its candidates (issue 18). Not part of the document's JSON.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string WatchPeriods => "{" + string.Join(",", Watchlist.Periods(Certificate).Select(p =>
        $"[{p.From.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)},{p.Until?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)})")) + "}";

    /// <summary>
    /// The certificate's row in the register (issue 18): its paging keys and its summary as answered, copied into a small column of
    /// its own, so a register page reads one small value per certificate and never the document. Not part of the
    /// document's JSON; computed each time the document is stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    [StoredColumn]
    public string RegisterRow => RegisterRows.Write(Certificate, IssuedKey, CapitalKey);

    /// <summary>
    /// What the watchlist reads of the certificate (issue 18, <see cref="WatchRows"/>): its zone and its slim copy, for a
    /// certificate that is ever listed; empty for one that never is. Not part of the document's JSON; computed each time the
    /// document is stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    [StoredColumn]
    public string WatchRow => WatchRows.Write(Certificate);

    /// <summary>The instant's ticks, then the id as a number (its 128 bits read big-endian, as PostgreSQL orders a uuid).</summary>
    private static string Tail(long position, Guid id) => position.ToString("D19", CultureInfo.InvariantCulture)
        + System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(id.ToByteArray(bigEndian: true)).ToString("D39", CultureInfo.InvariantCulture);
}

public sealed partial class CertificateDetailsProjection : SingleStreamProjection<CertificateDetails, Guid>
{
    public static CertificateDetails Create(IEvent<CertificateIssued> e) => CertificateDetails.Issued(e.Data, e.Version);

    public static CertificateDetails Apply(IEvent<CertificateAmended> e, CertificateDetails d) => d.With(d.Certificate.Apply(e.Data), e.Version);

    public static CertificateDetails Apply(IEvent<CertificateInspected> e, CertificateDetails d) => d.With(d.Certificate.Apply(e.Data), e.Version);

    public static CertificateDetails Apply(IEvent<CertificateSuspended> e, CertificateDetails d) => d.With(d.Certificate.Apply(e.Data), e.Version);

    public static CertificateDetails Apply(IEvent<CertificateResumed> e, CertificateDetails d) => d.With(d.Certificate.Apply(e.Data), e.Version);

    public static CertificateDetails Apply(IEvent<CertificateRevoked> e, CertificateDetails d) => d.With(d.Certificate.Apply(e.Data), e.Version);
}
