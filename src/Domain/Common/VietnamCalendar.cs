using NodaTime;

namespace Investment.Domain.Common;

/// <summary>Business dates are dates in Vietnam (domain.md): years, half-years and "today" are read in this zone.</summary>
public static class VietnamCalendar
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static LocalDate Today(Instant now) => now.InZone(Zone).Date;
}
