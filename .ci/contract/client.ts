// A partner's program against the client generated from the committed document (openapi-typescript + openapi-fetch).
// CI compiles it with `tsc --strict`: if the document stops declaring a required field, a type or a header, this
// stops compiling. It is never run (it needs a server); the C# client test in tests/Api.Tests/Contract runs one.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema";

type OpenLead = components["schemas"]["OpenLeadRequest"];
type Contact = components["schemas"]["ContactRequest"];
type Problem = components["schemas"]["ProblemDetails"];

const api = createClient<paths>({ baseUrl: "http://localhost:5080" });

export async function logFirstContact(token: string, investorId: string): Promise<string> {
  const headers = { Authorization: `Bearer ${token}` };
  // Every required field of the request must be given: leaving out estimatedCapital does not compile.
  const lead: OpenLead = {
    investorId,
    zone: "dung-quat",
    projectName: "Doosan heavy industries plant, phase 2",
    sector: "heavyIndustry",
    estimatedCapital: { amount: "150000000.00", currency: "USD" },
    source: "tradeMission",
  };
  const opened = await api.POST("/api/v1/leads", {
    body: lead,
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    headers,
  });
  if (opened.error) throw new Error(describe(opened.error));
  // Required in the answer: no `?.` needed.
  const leadId: string = opened.data.id;
  const stage: components["schemas"]["LeadStage"] = opened.data.stage;

  const contact: Contact = {
    channel: "siteVisit",
    summary: "Toured the deep-water port and the 28 ha plot.",
    occurredAt: "2014-03-10T09:30:00+07:00",
    officers: ["officer.nguyen"],
  };
  const logged = await api.POST("/api/v1/leads/{id}/contacts", {
    params: { path: { id: leadId }, header: { "Idempotency-Key": crypto.randomUUID() } },
    body: contact,
    headers,
  });
  if (logged.error) throw new Error(describe(logged.error));
  const etag = logged.response.headers.get("ETag");

  // Typed query parameters: an enum value outside the list does not compile.
  const certificates = await api.GET("/api/v1/certificates", {
    params: { query: { status: "active", sort: "-capital", limit: 20, sector: "heavyIndustry" } },
    headers,
  });
  if (certificates.error) throw new Error(describe(certificates.error));
  // The register answers a JSON page, or the workbook when asked for xlsx: both are declared.
  const numbers: string[] = typeof certificates.data === "string" ? [] : certificates.data.items.map((c) => c.number);

  const report = await api.GET("/api/v1/zones/{code}/reports/{year}/{period}", {
    params: { path: { code: "dung-quat", year: 2014, period: "first-half" }, query: { asOf: "2014-07-05" } },
    headers,
  });
  if (report.error) throw new Error(describe(report.error));
  // The report answers JSON, or CSV when asked with Accept: text/csv: both are declared.
  const attracted: string = typeof report.data === "string" ? report.data : report.data.attractedUsd;

  return `${leadId} ${stage} ${logged.data.id} ${etag ?? ""} ${numbers.join(",")} ${attracted}`;
}

function describe(problem: Problem): string {
  // code and traceId are always there.
  return `${problem.status} ${problem.code}: ${problem.detail ?? problem.title} (trace ${problem.traceId})`;
}
