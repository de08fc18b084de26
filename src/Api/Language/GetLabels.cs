namespace Investment.Api.Language;

/// <param name="Language">The language of the labels: en or vi, chosen by Accept-Language (also in Content-Language).</param>
/// <param name="Labels">By kind (sector, leadStage, revocationGround…), then by code as the API writes it: the words to show.</param>
public sealed record LabelSet(string Language, IReadOnlyDictionary<string, SortedDictionary<string, string>> Labels);

public static class GetLabels
{
    public static Ok<LabelSet> Handle() => TypedResults.Ok(new LabelSet(Languages.Current, Labels.In(Languages.Current)));

    /// <summary>GET /labels: reference data for clients, cacheable (its ETag is a hash of the answer, one per language).</summary>
    public static IEndpointRouteBuilder MapLabels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/labels", Handle).WithTags("Labels").RequireAuthorization(Policies.Reader).WithName("GetLabels")
            .WithSummary("The label of every code the API uses (sectors, stages, channels, statuses, legal grounds…), in the language of Accept-Language");
        return app;
    }
}
