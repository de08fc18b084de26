using Investment.Api.Charts;
using Investment.Api.OpenApi;

namespace Investment.Api.Leads;

public static class LeadsApi
{
    public static IEndpointRouteBuilder MapLeads(this IEndpointRouteBuilder app)
    {
        // Leads name investor people and officers: officers and admins only. Partners read the pipeline (below).
        var leads = app.MapGroup("/leads").WithTags("Leads").RequireAuthorization(Policies.Officer);

        leads.MapPost("/", OpenLead.Handle).WithName("OpenLead").WithSummary("Open a lead: a prospective project of an investor in a zone")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        leads.MapGet("/", ListLeads.Handle).WithName("ListLeads")
            .WithSummary("List leads by stage, zone, owner, investor country, sector or follow-up due, paged")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        leads.MapGet("/follow-ups", ListFollowUps.Handle).WithName("ListFollowUps")
            .WithSummary("Leads whose follow-up is due today or overdue (Vietnam's calendar), for an officer")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        leads.MapGet("/{id:guid}", GetLead.Handle).WithName("GetLead").WithSummary("Get a lead: stage, owner, estimate, contacts, time in each stage")
            .ProducesProblem(StatusCodes.Status404NotFound);
        leads.MapGet("/{id:guid}/history", GetLeadHistory.Handle).WithName("GetLeadHistory").WithSummary("Every event of a lead: what, who and when")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        leads.MapPost("/{id:guid}/stage", ChangeLeadStage.Handle).StreamCommand("ChangeLeadStage",
            "Move a lead to another open stage (backwards with a reason)");
        leads.MapPost("/{id:guid}/lose", LoseLead.Handle).StreamCommand("LoseLead", "Mark a lead lost, with the reason");
        leads.MapPost("/{id:guid}/reopen", ReopenLead.Handle).StreamCommand("ReopenLead", "Reopen a lost lead at the stage it was lost at");
        leads.MapPost("/{id:guid}/reassign", ReassignLead.Handle).StreamCommand("ReassignLead", "Give a lead to another officer");
        leads.MapPost("/{id:guid}/estimate", ReviseLeadEstimate.Handle).StreamCommand("ReviseLeadEstimate", "Revise a lead's estimated capital, with the reason");

        leads.MapPost("/{id:guid}/contacts", LogContact.Handle).WithName("LogContact")
            .WithSummary("Log a contact with the investor (safe to retry with Idempotency-Key)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        leads.MapGet("/{id:guid}/contacts", ListContacts.Handle).WithName("ListContacts").WithSummary("A lead's contact log, newest first, paged")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        leads.MapGet("/{id:guid}/contacts/{contactId:guid}", GetContact.Handle).WithName("GetContact").WithSummary("Get one contact of a lead")
            .ProducesProblem(StatusCodes.Status404NotFound);
        leads.MapPut("/{id:guid}/contacts/{contactId:guid}", CorrectContact.Handle).StreamCommand("CorrectContact",
            "Correct a logged contact (the original stays in the history)");
        leads.MapPost("/{id:guid}/contacts/{contactId:guid}/withdraw", WithdrawContact.Handle).StreamCommand("WithdrawContact",
            "Withdraw a contact logged by mistake (it stays in the history)");

        app.MapGet("/zones/{code}/pipeline", GetZonePipeline.Handle).WithTags("Pipeline").RequireAuthorization(Policies.Reader)
            .WithName("GetZonePipeline")
            .WithSummary("A zone's pipeline: leads and estimated capital per stage, conversion between stages, median days per stage")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/zones/{code}/pipeline/chart", GetPipelineChart.Handle).WithTags("Pipeline").RequireAuthorization(Policies.Reader)
            .WithName("GetZonePipelineChart")
            .WithSummary("The pipeline as a funnel: leads that reached each stage, those in it now and their estimated capital, conversion between stages (SVG, PNG or its data)")
            .AnswersChart<PipelineChartData>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
