using NodaTime;

namespace Investment.Domain.Common;

/// <summary>Small rules every decider applies the same way.</summary>
public static class Rules
{
    /// <summary>Optional text: blank means absent, anything else is kept trimmed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Business dates record what happened: none lies after today in Vietnam.</summary>
    public static Decision? NotInFuture(string field, LocalDate date, Instant now)
    {
        var today = VietnamCalendar.Today(now);
        return date > today
            ? Decision.Refuse("date.in_future", $"{field} {date:yyyy-MM-dd} is in the future (today in Vietnam is {today:yyyy-MM-dd}).")
            : null;
    }
}
