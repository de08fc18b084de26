using System.Security.Cryptography;
using System.Text;

namespace Investment.Domain.Common;

/// <summary>
/// A stream id derived from a natural key (a zone's code, a seeded investor's name), so that seeding the same
/// reference data twice finds the stream it started the first time instead of creating another.
/// </summary>
public static class StableId
{
    public static Guid From(string kind, string naturalKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{naturalKey}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8: "custom", per RFC 9562
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes);
    }
}
