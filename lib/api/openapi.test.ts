import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET } from "@/app/api/v1/openapi.json/route";
import { dispatchSchema } from "./dispatch-schema";
import { destinationsSchema, dryRunSchema } from "./response-schemas";

// The OpenAPI document is generated from the schemas the code uses, so it cannot drift.

describe("GET /api/v1/openapi.json", () => {
  it("is public, cacheable OpenAPI 3.1 JSON with the three endpoints", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/health", "/api/v1/alerts", "/api/v1/destinations"]);
    for (const [path, item] of Object.entries(doc.paths) as [string, Record<string, { responses: object }>][]) {
      for (const op of Object.values(item)) expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
    }
  });

  it("describes dispatch (dryRun included) and the answers with the very zod schemas", async () => {
    const doc = await GET().json();
    const post = doc.paths["/api/v1/alerts"].post;
    expect(post.requestBody.content["application/json"].schema).toEqual(z.toJSONSchema(dispatchSchema, { io: "input" }));
    expect(post.requestBody.content["application/json"].schema.properties.dryRun).toMatchObject({ type: "boolean" });
    expect(post.responses["200"].content["application/json"].schema).toEqual(z.toJSONSchema(dryRunSchema));
    expect(Object.keys(post.responses).sort()).toEqual(["200", "202", "400", "401", "413", "415", "422", "429"]);
    const list = doc.paths["/api/v1/destinations"].get;
    expect(list.responses["200"].content["application/json"].schema).toEqual(z.toJSONSchema(destinationsSchema));
    expect(doc.paths["/api/health"].get.security).toEqual([]);
  });
});
