namespace Investment.Api.Documents;

/// <summary>The forms a document answers in besides JSON.</summary>
public enum AnswerFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <summary>
/// Which form a read answers in: a <c>format</c> parameter (json, csv, xlsx) where a link must say it (a browser, a
/// spreadsheet's web query), else the Accept header (text/csv, the xlsx media type), else JSON.
/// </summary>
public static class Formats
{
    /// <summary>The form asked for, or a 400 naming the parameter when it is none this read offers.</summary>
    public static ProblemHttpResult? Choose(HttpRequest request, string? format, out AnswerFormat chosen, params AnswerFormat[] offered)
    {
        chosen = AnswerFormat.Json;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (!Enum.TryParse(format.Trim(), ignoreCase: true, out chosen) || !(chosen == AnswerFormat.Json || offered.Contains(chosen)))
                return Problems.BadRequest("request.invalid_format",
                    $"format must be one of: {string.Join(", ", new[] { AnswerFormat.Json }.Concat(offered).Select(f => f.ToString().ToLowerInvariant()))}.");
            return null;
        }
        var accept = request.GetTypedHeaders().Accept;
        bool Asked(string mediaType) => accept.Any(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
        if (offered.Contains(AnswerFormat.Xlsx) && Asked(Spreadsheet.MediaType)) chosen = AnswerFormat.Xlsx;
        else if (offered.Contains(AnswerFormat.Csv) && Asked("text/csv")) chosen = AnswerFormat.Csv;
        return null;
    }

    /// <summary>The workbook as a download, its name telling what it is (dung-quat-2014-year.xlsx).</summary>
    public static FileContentHttpResult Workbook(Spreadsheet workbook, string name) =>
        TypedResults.File(workbook.ToBytes(), Spreadsheet.MediaType, name + ".xlsx");
}

/// <summary>A media type a read answers besides its JSON, for the OpenAPI document (which keeps one schema per status).</summary>
public sealed record AlsoAnswers(string MediaType, string Description);

public static class AlsoAnswersExtensions
{
    public static RouteHandlerBuilder AlsoAnswers(this RouteHandlerBuilder route, string mediaType, string description) =>
        route.WithMetadata(new AlsoAnswers(mediaType, description));
}
