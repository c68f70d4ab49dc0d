// The OpenAPI 3.1 description of the API, as data; served at /api/openapi.json.
import { ACTOR_ROLES, INCIDENT_TYPES, QUANTITIES } from "../model/incident.ts";
import { EXPORT_FORMATS } from "../export/index.ts";
import { API_ERRORS } from "./errors.ts";
import { INCIDENT_STATUSES, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, MAX_TEXT_QUERY } from "./query.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, "null"] });
const errorResponses = (...codes: Array<keyof typeof API_ERRORS>) =>
  Object.fromEntries(
    codes.map((code) => [
      String(API_ERRORS[code].status),
      { description: `${code}: ${API_ERRORS[code].message}`, content: { "application/json": { schema: ref("Error") } } },
    ]),
  );
const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const pathId = (what: string) => ({ name: "id", in: "path", required: true, description: `${what} id`, schema: { type: "string" } });
const pageParams = [
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
  { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
];
/** A reconciled count: an incident's Count and a facility's figure over time share it. */
const reconciledFigure = {
  quantity: { type: "string", enum: [...QUANTITIES] },
  low: { type: "integer" },
  best: { type: "integer" },
  high: nullable("integer"),
  disputed: { type: "boolean" },
  derived: { type: "boolean" },
  vague: { type: "boolean", description: "best stands for a vague amount (\"thousands\"): read the range" },
  derivedFrom: { type: "array", items: { type: "string" }, description: "incidents a derived figure was computed from" },
  claims: { type: "array", items: ref("Claim") },
};
const day = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
/** The filters GET /api/incidents and GET /api/export share. */
const incidentFilterParams = [
  { name: "type", in: "query", schema: { type: "string", enum: [...INCIDENT_TYPES] } },
  { name: "country", in: "query", description: "ISO 3166-1 alpha-2", schema: { type: "string", pattern: "^[A-Za-z]{2}$" } },
  { name: "facility", in: "query", description: "Facility id, a name fragment, or any alias or transliteration (\"Gweiran\", \"Sinaa prison\")", schema: { type: "string" } },
  { name: "since", in: "query", description: "Incidents ending on or after this day", schema: day },
  { name: "until", in: "query", description: "Incidents starting on or before this day", schema: day },
  { name: "q", in: "query", description: "Free text over facility, place, actors, quotes and sources; aliases of facilities, places, countries and actors count (\"Hassakeh\")", schema: { type: "string", maxLength: MAX_TEXT_QUERY } },
  { name: "status", in: "query", schema: { type: "string", enum: [...INCIDENT_STATUSES] } },
  { name: "document", in: "query", description: "Only incidents this document reports", schema: { type: "string" } },
  { name: "reviewed", in: "query", description: "Only incidents a person has (true) or has not (false) reviewed", schema: { type: "string", enum: ["true", "false"] } },
];

/** What an Incident and an IncidentSummary share (all but their counts and mention ids). */
const incidentProperties = {
  id: { type: "string" },
  type: { type: "string", enum: [...INCIDENT_TYPES] },
  status: { type: "string", enum: [...INCIDENT_STATUSES] },
  unconfirmed: { type: "boolean" },
  facility: { oneOf: [ref("Facility"), { type: "null" }] },
  place: { oneOf: [ref("Place"), { type: "null" }] },
  destination: { oneOf: [ref("Place"), { type: "null" }] },
  date: { oneOf: [ref("DateWindow"), { type: "null" }] },
  actors: { type: "array", items: { type: "string" } },
  roles: {
    type: "array",
    description: "actors by role: initiator (who acted), target (acted upon), holder (held the facility), source (stated its figures)",
    items: { type: "object", required: ["actor", "role"], properties: { actor: { type: "string" }, role: { type: "string", enum: [...ACTOR_ROLES] } } },
  },
  documents: { type: "array", items: { type: "string" } },
  version: { type: "integer", minimum: 1, description: "Bumped on every change, automatic or human" },
  reviewed: { type: "boolean", description: "A person confirmed, corrected, merged or split it" },
  reviewedBy: nullable("string"),
  review: ref("Review"),
};

const reviewSecurity = [{ bearer: [] }];
const reviewErrors = () => errorResponses("E_BAD_BODY", "E_UNAUTHORIZED", "E_FORBIDDEN", "E_NOT_FOUND", "E_CONFLICT", "E_BODY_TOO_LARGE", "E_RATE_LIMITED");
const noteBody = (required: boolean, extra: Record<string, unknown> = {}, requiredFields: string[] = []) => ({
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: [...requiredFields, ...(required ? ["note"] : [])],
        properties: { ...extra, note: { type: "string", description: "Why: kept in the incident's history" } },
      },
    },
  },
});
const reviewedResponse = json({
  type: "object",
  required: ["id", "incident"],
  properties: { id: { type: "string" }, action: { type: "string" }, incident: { oneOf: [ref("Incident"), { type: "null" }], description: "The incident after the decision; null when it left the data (rejected)" } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "escapewatch API",
    version: "1.0.0",
    description:
      "Source-attributed incidents at detention facilities. Every count carries the claims it was " +
      "reconciled from, each traced to character offsets in a document's cleaned text.",
  },
  servers: [{ url: "/" }],
  security: [{}, { bearer: [] }],
  paths: {
    "/api/incidents": {
      get: {
        summary: "List incidents, newest first, filtered",
        parameters: [...incidentFilterParams, ...pageParams],
        responses: {
          "200": json({
            type: "object",
            required: ["total", "items"],
            properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, items: { type: "array", items: ref("IncidentSummary") } },
          }),
          ...errorResponses("E_BAD_QUERY", "E_UNAUTHORIZED"),
        },
      },
    },
    // Before /api/incidents/{id}, whose template would also match it.
    "/api/incidents/merge": {
      post: {
        summary: "Merge two incidents into the first (needs a reviewer token); they stay one whatever reports join either",
        security: reviewSecurity,
        requestBody: noteBody(true, { ids: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2, description: "[surviving, merged]" } }, ["ids"]),
        responses: { "200": reviewedResponse, ...reviewErrors() },
      },
    },
    "/api/incidents/{id}": {
      get: {
        summary: "One incident with every claim, the summaries of its documents, and the incidents its derived figures come from",
        parameters: [pathId("Incident")],
        responses: {
          "200": json({
            type: "object",
            required: ["incident", "documents", "derivedFrom"],
            properties: {
              incident: ref("Incident"),
              documents: { type: "array", items: ref("DocumentSummary") },
              derivedFrom: { type: "array", description: "incidents a derived figure (at_large) was computed from", items: ref("IncidentSummary") },
            },
          }),
          ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED"),
        },
      },
      patch: {
        summary: "Correct an incident's fields (needs a reviewer token); the correction holds whatever reports arrive, and is flagged when they contradict it",
        security: reviewSecurity,
        parameters: [pathId("Incident")],
        requestBody: noteBody(
          true,
          {
            changes: {
              type: "object",
              properties: {
                type: { type: "string", enum: [...INCIDENT_TYPES] },
                facility_id: { type: "string" },
                facility_name: { type: "string" },
                place: { type: "string" },
                date_start: day,
                date_end: day,
                status: { type: "string", enum: [...INCIDENT_STATUSES] },
                actors: { type: "array", items: { type: "string" } },
                counts: {
                  type: "object",
                  description: 'quantity -> figures, e.g. {"escaped": {"best": 12}}',
                  additionalProperties: { type: "object", properties: { best: { type: "integer" }, low: { type: "integer" }, high: nullable("integer") } },
                },
              },
            },
          },
          ["changes"],
        ),
        responses: { "200": reviewedResponse, ...reviewErrors() },
      },
    },
    "/api/review/queue": {
      get: {
        summary: "Unreviewed incidents, and reviewed ones with reports new since the review or flagged fields; disputed and low-evidence first, with their claims",
        parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 50 } }],
        responses: {
          "200": json({ type: "object", required: ["total", "items"], properties: { total: { type: "integer", description: "queued incidents in all" }, items: { type: "array", items: ref("QueueItem") } } }),
          ...errorResponses("E_BAD_QUERY", "E_UNAUTHORIZED"),
        },
      },
    },
    "/api/incidents/{id}/review": {
      post: {
        summary: "Confirm an incident, or reject it (it leaves lists and exports; /api/changes reports it deleted). Needs a reviewer token",
        security: reviewSecurity,
        parameters: [pathId("Incident")],
        requestBody: noteBody(false, { action: { type: "string", enum: ["confirm", "reject"] } }, ["action"]),
        responses: { "200": reviewedResponse, ...reviewErrors() },
      },
    },
    "/api/incidents/{id}/split": {
      post: {
        summary: "Move documents or mentions of an incident to a new incident (needs a reviewer token); answers the new id",
        security: reviewSecurity,
        parameters: [pathId("Incident")],
        requestBody: noteBody(true, { documents: { type: "array", items: { type: "string" } }, mentions: { type: "array", items: { type: "string" } } }),
        responses: { "200": reviewedResponse, ...reviewErrors() },
      },
    },
    "/api/incidents/{id}/history": {
      get: {
        summary: "Every revision of an incident, automatic (by escapewatch) or human: who, when, what changed and why",
        parameters: [pathId("Incident")],
        responses: {
          "200": json({ type: "object", required: ["id", "revisions"], properties: { id: { type: "string" }, revisions: { type: "array", items: ref("Revision") } } }),
          ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED"),
        },
      },
    },
    "/api/changes": {
      get: {
        summary: "Incidents created, changed or deleted after a time, each once with its latest version (to keep a copy in sync)",
        parameters: [
          { name: "since", in: "query", required: true, description: "ISO 8601 time", schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 10000, default: 1000 } },
        ],
        responses: {
          "200": json({
            type: "object",
            required: ["since", "items"],
            properties: {
              since: { type: "string" },
              items: {
                type: "array",
                description: "oldest change first; page on with the at of the last item",
                items: {
                  type: "object",
                  required: ["id", "change", "version", "at"],
                  properties: { id: { type: "string" }, change: { type: "string", enum: ["created", "changed", "deleted"] }, version: { type: "integer" }, at: { type: "string" } },
                },
              },
            },
          }),
          ...errorResponses("E_BAD_QUERY", "E_PAGE_TOO_LARGE", "E_UNAUTHORIZED"),
        },
      },
    },
    "/api/documents/{id}/not-relevant": {
      post: {
        summary: "Judge a document not relevant (needs a reviewer token): its incidents lose its reports, now and after any re-ingest",
        security: reviewSecurity,
        parameters: [pathId("Document")],
        requestBody: noteBody(true),
        responses: {
          "200": json({ type: "object", required: ["document", "incidents"], properties: { document: { type: "string" }, incidents: { type: "array", items: { type: "string" }, description: "incidents that lost its reports" } } }),
          ...reviewErrors(),
        },
      },
    },
    "/api/export": {
      get: {
        summary: "Stream the incidents matching the filters as json (escapewatch.export/1), csv (ACLED's columns), ucdp (UCDP GED's columns) or geojson",
        parameters: [
          { name: "format", in: "query", schema: { type: "string", enum: Object.keys(EXPORT_FORMATS), default: "json" } },
          ...incidentFilterParams,
        ],
        responses: {
          "200": {
            description: "The export, as an attachment",
            content: {
              "application/json": { schema: { type: "object", description: "escapewatch.export/1: documents and incidents" } },
              "text/csv": { schema: { type: "string" } },
              "application/geo+json": { schema: { type: "object", description: "A FeatureCollection" } },
            },
          },
          ...errorResponses("E_BAD_QUERY", "E_UNAUTHORIZED"),
        },
      },
    },
    "/api/facilities": {
      get: {
        summary: "Facilities that have incidents or holder statements",
        parameters: [{ name: "q", in: "query", description: "Only facilities this id, name fragment, alias or transliteration names", schema: { type: "string", maxLength: MAX_TEXT_QUERY } }],
        responses: {
          "200": json({
            type: "object",
            properties: {
              total: { type: "integer" },
              items: { type: "array", items: { type: "object", properties: { facility: ref("Facility"), incidents: { type: "integer" } } } },
            },
          }),
          ...errorResponses("E_UNAUTHORIZED"),
        },
      },
    },
    "/api/facilities/{id}": {
      get: {
        summary: "A facility's history: holders over time, escaped/recaptured/at large over time, incidents",
        parameters: [pathId("Facility")],
        responses: {
          "200": json({
            type: "object",
            properties: {
              facility: ref("Facility"),
              alsoMatched: { type: "array", items: ref("Facility") },
              holders: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    holder: { type: "string" },
                    from: { oneOf: [day, { type: "null" }] },
                    until: { oneOf: [day, { type: "null" }] },
                    evidence: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          basis: { type: "string", enum: ["control_change", "statement"] },
                          day: { oneOf: [day, { type: "null" }] },
                          incident: { type: "string" },
                          document: { type: "string" },
                          start: { type: "integer" },
                          end: { type: "integer" },
                          rule: { type: "string" },
                        },
                      },
                    },
                  },
                },
              },
              population: { type: "array", description: "held counts over time", items: ref("FacilityFigure") },
              movements: { type: "array", description: "escaped, recaptured and at_large over time", items: ref("FacilityFigure") },
              incidents: { type: "array", items: ref("IncidentSummary") },
            },
          }),
          ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED"),
        },
      },
    },
    "/api/alerts": {
      get: {
        summary: "Alerts of every rule queued after `since` (default: the last 7 days), newest first, at most 50: what the dashboard shows as new since the last visit",
        parameters: [{ name: "since", in: "query", required: false, schema: { type: "string", description: "ISO 8601 time" } }],
        responses: {
          "200": json({
            type: "object",
            required: ["since", "now", "items"],
            properties: {
              since: { type: "string" },
              now: { type: "string", description: "the server's time when the list was read" },
              items: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "rule", "change", "incident", "createdAt", "headline"],
                  properties: { id: { type: "integer" }, rule: { type: "string" }, change: { type: "string" }, incident: { type: "string" }, createdAt: { type: "string" }, headline: { type: "string" } },
                },
              },
            },
          }),
          ...errorResponses("E_BAD_QUERY", "E_UNAUTHORIZED"),
        },
      },
    },
    "/api/alerts/{name}.atom": {
      get: {
        summary: "A rule's alerts as an Atom feed (newest first): type, place, date, figures with their sources, a link to the incident",
        parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "Atom 1.0", content: { "application/atom+xml": { schema: { type: "string" } } } }, ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED") },
      },
    },
    "/api/feeds": {
      get: {
        summary: "The watched feeds with their polling state (needs the write token)",
        security: [{ bearer: [] }],
        responses: { "200": json({ type: "object", properties: { items: { type: "array", items: { type: "object" } } } }), ...errorResponses("E_UNAUTHORIZED", "E_WRITES_DISABLED") },
      },
      post: {
        summary: "Watch a feed: RSS 2.0, Atom or JSON Feed (needs the write token)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["url"], properties: { url: { type: "string" }, name: { type: "string" }, interval: { type: "string", description: "10m, 90s, 1h" } } } } },
        },
        responses: { "201": json({ type: "object" }, "Watched"), ...errorResponses("E_BAD_BODY", "E_CONFLICT", "E_UNAUTHORIZED", "E_WRITES_DISABLED") },
      },
    },
    "/api/feeds/{name}": {
      delete: {
        summary: "Stop watching a feed, by name or URL (needs the write token)",
        security: [{ bearer: [] }],
        parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
        responses: { "204": { description: "Removed" }, ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED", "E_WRITES_DISABLED") },
      },
    },
    "/api/rules": {
      get: {
        summary: "The alert rules, secrets left out (needs the write token)",
        security: [{ bearer: [] }],
        responses: { "200": json({ type: "object", properties: { items: { type: "array", items: { type: "object" } } } }), ...errorResponses("E_UNAUTHORIZED", "E_WRITES_DISABLED") },
      },
      post: {
        summary: "Add an alert rule; the incidents already stored are its baseline (needs the write token)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["name"],
                properties: {
                  name: { type: "string" },
                  type: { type: "array", items: { type: "string", enum: [...INCIDENT_TYPES] } },
                  country: { type: "string" },
                  admin1: { type: "string" },
                  facility: { type: "string" },
                  near: { type: "string", description: "LAT,LON" },
                  border: { type: "string", description: "ISO 3166-1 alpha-2: within km of this country's land border" },
                  km: { type: "number", description: "the distance for near and border" },
                  min: { type: "array", items: { type: "string", description: "QUANTITY=N, e.g. escaped=10" } },
                  on: { type: "array", items: { type: "string", enum: ["new", "updated", "disputed"] } },
                  webhook: { type: "string" },
                  secret: { type: "string" },
                },
              },
            },
          },
        },
        responses: { "201": json({ type: "object" }, "Added"), ...errorResponses("E_BAD_BODY", "E_CONFLICT", "E_UNAUTHORIZED", "E_WRITES_DISABLED") },
      },
    },
    "/api/rules/{name}": {
      delete: {
        summary: "Remove an alert rule with its alerts (needs the write token)",
        security: [{ bearer: [] }],
        parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
        responses: { "204": { description: "Removed" }, ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED", "E_WRITES_DISABLED") },
      },
    },
    "/api/documents": {
      get: {
        summary: "List ingested documents",
        parameters: pageParams,
        responses: {
          "200": json({
            type: "object",
            properties: { total: { type: "integer" }, items: { type: "array", items: ref("DocumentSummary") } },
          }),
          ...errorResponses("E_BAD_QUERY", "E_UNAUTHORIZED"),
        },
      },
      post: {
        summary: "Ingest one report (needs the write token, ESCAPEWATCH_TOKEN)",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                description: "escapewatch, news-please (maintext, date_publish) or trafilatura (raw_text, date) field names",
                properties: {
                  id: { type: "string" },
                  url: { type: "string" },
                  title: { type: "string" },
                  published: { type: "string" },
                  text: { type: "string" },
                  html: { type: "string" },
                  maintext: { type: "string" },
                  date_publish: { type: "string" },
                  raw_text: { type: "string" },
                  date: { type: "string" },
                },
              },
            },
          },
        },
        responses: {
          "201": json(
            { type: "object", required: ["status", "id", "document"], properties: { status: { const: "new" }, id: { type: "string" }, document: { oneOf: [ref("DocumentSummary"), { type: "null" }] }, warnings: ref("Warnings") } },
            "Stored as a new document",
          ),
          "200": json(
            {
              type: "object",
              required: ["status", "id", "document"],
              properties: {
                status: { enum: ["updated", "known"], description: "updated: a new version or metadata the document lacked; known: the content is stored (under this id or, as an alias, another)" },
                id: { type: "string" },
                document: { oneOf: [ref("DocumentSummary"), { type: "null" }], description: "The document the id names: its own, or the one it is an alias of" },
                warnings: ref("Warnings"),
              },
            },
            "Already stored, or stored as an update",
          ),
          "202": json(
            {
              type: "object",
              required: ["status", "id", "job"],
              properties: {
                status: { const: "queued" },
                id: { type: "string" },
                job: { type: ["string", "null"], description: "The ingest job a worker will store it by" },
                warnings: ref("Warnings"),
              },
            },
            "On the ingest queue (a server started with --queue): a worker stores it",
          ),
          ...errorResponses("E_BAD_BODY", "E_UNAUTHORIZED", "E_WRITES_DISABLED", "E_BODY_TOO_LARGE", "E_REJECTED", "E_RATE_LIMITED"),
        },
      },
    },
    "/api/documents/{id}/versions": {
      get: {
        summary: "A document's versions (oldest first; the current one last) and the aliases it answers to",
        parameters: [pathId("Document")],
        responses: { "200": json(ref("DocumentHistory")), ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED") },
      },
    },
    "/api/documents/{id}/versions/{version}": {
      get: {
        summary: "One version of a document: its text and metadata (annotations for the current version only)",
        parameters: [pathId("Document"), { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: { "200": json(ref("Document")), ...errorResponses("E_BAD_QUERY", "E_NOT_FOUND", "E_UNAUTHORIZED") },
      },
    },
    "/api/openapi.json": {
      get: {
        summary: "This document",
        responses: { "200": json({ type: "object", required: ["openapi", "paths"] }), ...errorResponses("E_UNAUTHORIZED") },
      },
    },
    "/api/documents/{id}": {
      get: {
        summary: "One document: cleaned text, segments, every annotation with kind, rule and offsets, and the incidents and claims it fed",
        parameters: [pathId("Document")],
        responses: {
          "200": json({
            allOf: [
              ref("Document"),
              {
                type: "object",
                required: ["fed"],
                properties: {
                  fed: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["incident", "claims"],
                      properties: {
                        incident: ref("IncidentSummary"),
                        claims: {
                          type: "array",
                          items: {
                            type: "object",
                            properties: {
                              quantity: { type: "string", enum: [...QUANTITIES] },
                              group: nullable("string"),
                              low: { type: "integer" },
                              high: nullable("integer"),
                              source: nullable("string"),
                              start: { type: "integer" },
                              end: { type: "integer" },
                              rule: { type: "string" },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            ],
          }),
          ...errorResponses("E_NOT_FOUND", "E_UNAUTHORIZED"),
        },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Review: {
        type: "object",
        description: "Present once a person reviewed the incident",
        required: ["by", "at", "action", "newDocuments", "flagged"],
        properties: {
          by: { type: "string" },
          at: { type: "string" },
          action: { type: "string" },
          newDocuments: { type: "array", items: { type: "string" }, description: "reports that joined after the review" },
          flagged: {
            type: "array",
            description: "reviewed fields the reports now tell differently: the review stands, look again",
            items: { type: "object", required: ["field"], properties: { field: { type: "string" }, reviewed: {}, evidenceThen: {}, evidenceNow: {} } },
          },
        },
      },
      Revision: {
        type: "object",
        required: ["version", "at", "by", "action", "changes", "note"],
        properties: {
          version: { type: "integer", minimum: 1 },
          at: { type: "string" },
          by: { type: "string", description: "a user's name, or escapewatch for automatic revisions" },
          action: { type: "string", description: "created, updated, deleted, or a review action: confirm, reject, edit, merge, split, not-relevant" },
          changes: { type: "array", items: { type: "object", required: ["field", "before", "after"], properties: { field: { type: "string" }, before: {}, after: {} } } },
          note: nullable("string"),
        },
      },
      QueueItem: {
        type: "object",
        required: ["id", "type", "status", "facility", "place", "date", "documents", "counts", "disputed", "evidence", "reviewed", "review"],
        properties: {
          id: { type: "string" },
          type: { type: "string", enum: [...INCIDENT_TYPES] },
          status: { type: "string", enum: [...INCIDENT_STATUSES] },
          facility: { oneOf: [ref("Facility"), { type: "null" }] },
          place: { oneOf: [ref("Place"), { type: "null" }] },
          date: { oneOf: [ref("DateWindow"), { type: "null" }] },
          documents: { type: "array", items: { type: "string" } },
          counts: { type: "array", items: ref("Count") },
          disputed: { type: "boolean" },
          evidence: { type: "number", minimum: 0, maximum: 1, description: "0: one unattributed report, nothing placed or dated; 1: several reports and sources" },
          reviewed: { type: "boolean", description: "true: reviewed, back in the queue for another look (see review)" },
          review: { oneOf: [ref("Review"), { type: "null" }] },
          version: nullable("integer"),
        },
      },
      DocumentHistory: {
        type: "object",
        required: ["id", "versions", "aliases"],
        properties: {
          id: { type: "string", description: "The document's own id (an alias resolves to it)" },
          versions: {
            type: "array",
            items: {
              type: "object",
              required: ["version", "current", "contentHash", "published", "length", "ingestedAt"],
              properties: {
                version: { type: "integer", minimum: 1 },
                current: { type: "boolean" },
                contentHash: { type: "string" },
                url: nullable("string"),
                title: nullable("string"),
                published: { oneOf: [day, { type: "null" }] },
                length: { type: "integer" },
                ingestedAt: { type: "string" },
              },
            },
          },
          aliases: { type: "array", items: { type: "string" }, description: "Other ids its content arrived under" },
        },
      },
      Warnings: {
        type: "array",
        description: "What the report carried but could not be used (an ambiguous date); it was stored all the same",
        items: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string", enum: Object.keys(API_ERRORS) }, message: { type: "string" } },
          },
        },
      },
      DateWindow: { type: "object", required: ["earliest", "latest"], properties: { earliest: day, latest: day } },
      Place: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          admin1: nullable("string"),
          country: nullable("string"),
          lat: nullable("number"),
          lon: nullable("number"),
          precision: { type: "string", enum: ["facility", "town", "admin1", "country", "region"] },
        },
      },
      Facility: {
        type: "object",
        required: ["id", "name", "kind"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          kind: { type: "string", enum: ["prison", "camp", "detention_centre", "jail", "police_station", "other"] },
          place: { oneOf: [ref("Place"), { type: "null" }] },
        },
      },
      Claim: {
        type: "object",
        required: ["low", "high", "source", "document", "quote", "start", "end"],
        properties: {
          low: { type: "integer" },
          high: nullable("integer"),
          source: nullable("string"),
          role: { type: "string", description: "The office the text gives a person source" },
          via: { type: "string", description: "The outlet the source spoke to" },
          document: { type: "string" },
          quote: { type: "string" },
          start: { type: "integer", description: "Offset into the document's cleaned text" },
          end: { type: "integer" },
          rule: { type: "string" },
        },
      },
      Count: {
        type: "object",
        required: ["quantity", "low", "best", "high", "claims"],
        properties: {
          ...reconciledFigure,
          group: nullable("string"),
        },
      },
      Incident: {
        type: "object",
        required: ["id", "type", "status", "counts", "documents"],
        properties: { ...incidentProperties, counts: { type: "array", items: ref("Count") }, mentions: { type: "array", items: { type: "string" } } },
      },
      IncidentSummary: {
        description: "An Incident whose counts carry the number of claims instead of the claims, and no mention ids",
        type: "object",
        required: ["id", "type", "status", "counts", "documents"],
        properties: {
          ...incidentProperties,
          counts: {
            type: "array",
            items: {
              type: "object",
              required: ["quantity", "low", "best", "high", "claims"],
              properties: {
                quantity: { type: "string", enum: [...QUANTITIES] },
                group: nullable("string"),
                low: { type: "integer" },
                best: { type: "integer" },
                high: nullable("integer"),
                disputed: { type: "boolean" },
                derived: { type: "boolean" },
                vague: { type: "boolean" },
                claims: { type: "integer", description: "how many claims the count was reconciled from" },
              },
            },
          },
        },
      },
      FacilityFigure: {
        type: "object",
        properties: {
          incident: { type: "string" },
          type: { type: "string", enum: [...INCIDENT_TYPES] },
          date: { oneOf: [ref("DateWindow"), { type: "null" }] },
          ...reconciledFigure,
        },
      },
      DocumentSummary: {
        type: "object",
        required: ["id", "url", "title", "published", "relevant"],
        properties: {
          id: { type: "string" },
          url: nullable("string"),
          title: nullable("string"),
          published: { oneOf: [day, { type: "null" }] },
          relevant: { type: "boolean" },
          length: { type: "integer" },
        },
      },
      Document: {
        allOf: [
          ref("DocumentSummary"),
          {
            type: "object",
            properties: {
              publishedOrigin: nullable("string"),
              text: { type: "string", description: "Cleaned text; all offsets point into it" },
              segments: {
                type: "array",
                items: { type: "object", properties: { start: { type: "integer" }, end: { type: "integer" }, relevant: { type: "boolean" }, reason: { type: "string" } } },
              },
              annotations: {
                type: "array",
                items: { type: "object", properties: { kind: { type: "string" }, rule: { type: "string" }, start: { type: "integer" }, end: { type: "integer" }, value: {} } },
              },
            },
          },
        ],
      },
    },
  },
} as const;
