using Investment.Api.Certificates;
using Investment.Api.Forecasts;
using Investment.Api.Charts;
using Investment.Api.Dashboard;
using Investment.Api.Health;
using Investment.Api.Imports;
using Investment.Api.Investors;
using Investment.Api.Language;
using Investment.Api.Leads;
using Investment.Api.OpenApi;
using Investment.Api.Operations;
using Investment.Api.Reports;
using Investment.Api.Targets;
using Investment.Api.Zones;
using Microsoft.AspNetCore.Authentication.JwtBearer;

// `healthcheck`: the container's HEALTHCHECK (the runtime image has no curl).
if (args is ["healthcheck", ..]) return await SelfCheck.Run();

var builder = WebApplication.CreateBuilder(args);

string connectionString;
try
{
    connectionString = DatabaseConnection.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
}
catch (NoDatabaseException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

if (builder.Environment.IsDevelopment()) DevelopmentSigningKey.Ensure(builder.Configuration);

if (Commands.IsCommand(args)) builder.Configuration["EventStore:AsyncDaemon"] = "Disabled";
builder.AddTelemetry();
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddEventStore(connectionString, builder.Configuration, store =>
{
    store.AddZones();
    store.AddInvestors();
    store.AddLeads();
    store.AddCertificates();
    store.AddTargets();
    store.AddForecasts();
    store.AddImports();
});
builder.Services.AddSeeds(ZoneSeed.Streams, InvestorSeed.Demo, LeadSeed.Demo, CertificateSeed.Demo, TargetSeed.Streams, ProbabilitySeed.Demo);
builder.Services.AddReports();
builder.Services.AddSingleton<Investment.Api.Leads.ZonePipelines>();
builder.Services.AddCharts();
builder.Services.AddImports(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(options => Json.ConfigureForHttp(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true); // so binding errors become problem details
builder.Services.AddApiProblemDetails();
builder.Services.AddApiLanguages(builder.Configuration);
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(); // Authentication:Schemes:Bearer
builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, Tokens.UseStandardClaims);
builder.Services.AddApiAuthorization();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
Validation.UseJsonNames();
Paging.UseKey(builder.Configuration["Paging:CursorKey"]);
builder.Services.AddApiHealthChecks();
builder.Services.AddApiDocumentation();
builder.Services.AddProtection(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
    kestrel.AddServerHeader = false; // "Server: Kestrel" only tells an attacker what to try
});

var app = builder.Build();
if (args is [Commands.Import, .. var files]) return await ImportCommand.Run(files, app.Services);
if (Commands.IsCommand(args)) return await Commands.Run(args[0], app.Services);

app.UseApiLanguages(); // first: problems from the exception handler and status pages are in the request's language too
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseProtection();
app.UseRequestLimits();
app.UseSwagger();
app.UseSwaggerUI(ui => ui.DocumentTitle = "Dung Quat Investment API");
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: the budget is per token subject
app.UseAuthorization();
app.UseCleanQueryValues(); // before any handler: no NUL byte reaches the database

app.MapHealth();
app.MapProblemTypes();
app.MapDashboard();
var api = app.MapGroup("/api/v1").WithBodyValidationAndExamples().WithIdempotencyKeys().WithConditionalGets();
api.MapZones();
api.MapInvestors();
api.MapLeads();
api.MapCertificates();
api.MapTargets();
api.MapForecasts();
api.MapReports();
api.MapLabels();
api.MapImports();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (DatabaseConnection.IsUnreachable(e))
{
    await Console.Error.WriteLineAsync(
        $"The database could not be reached ({DatabaseConnection.Describe(connectionString)}): check that PostgreSQL runs there, or unset ConnectionStrings__Marten to use a local one.");
    return 1;
}

/// <summary>The entry point, visible to the tests' host.</summary>
public partial class Program;
