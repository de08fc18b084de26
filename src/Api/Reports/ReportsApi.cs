using Investment.Api.Documents;
using Investment.Api.Charts;

namespace Investment.Api.Reports;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var zone = app.MapGroup("/zones/{code}").WithTags("Progress and reports").RequireAuthorization(Policies.Reader);
        zone.MapGet("/progress/{year:int}", GetZoneProgress.Handle).WithName("GetZoneProgress")
            .WithSummary("Attracted capital for a year against the target: status, pace, forecast, breakdowns (as known on a date)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        zone.MapGet("/progress/{year:int}/explanation", GetZoneProgress.Explain).WithName("ExplainZoneProgress")
            .WithSummary("The certificates and amendments that make up the attracted capital, summing exactly to it")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        zone.MapGet("/progress/{year:int}/chart", GetProgressChart.Handle).WithName("GetZoneProgressChart")
            .WithSummary("The progress as a chart: attracted capital month by month against the target band, today, the forecasts to year end, realised capital (SVG, PNG or its data)")
            .AnswersChart<ProgressChartData>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        zone.MapGet("/reports/{year:int}/{period}", GetZoneReport.Handle).WithName("GetZoneReport")
            .WithSummary("The first-half or yearly report, as JSON, CSV (Accept: text/csv) or the Excel workbook filed (Accept: the xlsx media type, or format=xlsx), as known on a date")
            .Produces<ZoneReport>(StatusCodes.Status200OK, "application/json")
            .AlsoAnswers("text/csv", "UTF-8 with a byte-order mark: section,item,date,certificate,project,country,sector,count,amountUsd. Every amount "
                + "positive, its sign carried by the row's name: attracted = newCertificates + capitalAdded − capitalReduced. With delimiter=semicolon, "
                + "fields are separated by ';' and decimals written with ',' (Vietnamese Windows settings).")
            .AlsoAnswers(Spreadsheet.MediaType, "The report as filed, in the language of Accept-Language: a summary sheet (title block: zone, period, "
                + "as known on, counting rule, date made; then the figures against the target, realised capital, jobs, leads), by country, by sector, "
                + "new certificates, amendments, revocations. Number cells with thousands separators, date cells, frozen header rows.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
