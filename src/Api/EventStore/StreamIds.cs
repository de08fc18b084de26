using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Investment.Api.EventStore;

/// <summary>
/// The ids of new streams (investors, leads, certificates, contacts): UUIDv7 (RFC 9562) that sort in the order this
/// process made them, also within one millisecond (a 12-bit counter after the time, RFC 9562 §6.2 method 1), where
/// <see cref="Guid.CreateVersion7()"/> draws those bits at random. The lists are kept in the order streams were recorded,
/// then by id (<see cref="Investment.Api.Endpoints.Place"/>): records made at one instant (an import's rows, a seed) list in the order they
/// were made, as they did when the lists followed the event log.
/// </summary>
public static class StreamIds
{
    private static readonly Lock Gate = new();
    private static long lastMilliseconds;
    private static int counter;

    public static Guid New()
    {
        long milliseconds;
        int count;
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now > lastMilliseconds) (lastMilliseconds, counter) = (now, 0);
            else if (++counter > 0xFFF) (lastMilliseconds, counter) = (lastMilliseconds + 1, 0); // 4,096 in one millisecond (or the clock went back): the next one
            (milliseconds, count) = (lastMilliseconds, counter);
        }
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16 | 0x7000L | (long)count); // 48 bits of time, the version, the counter
        RandomNumberGenerator.Fill(bytes[8..]);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80); // the RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
