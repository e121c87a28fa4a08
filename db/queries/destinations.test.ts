import { describe, expect, it } from "vitest";
import { useTempDatabase } from "../test/temp-db";
import { findDestination, insertDestination, recordTestResult } from "./destinations";

describe("최근 테스트", () => {
  useTempDatabase();
  const add = () =>
    insertDestination({
      messenger: "slack",
      name: "n",
      webhookUrl: "https://hooks.slack.com/services/T0/B0/x1",
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
    }).id;

  it("keeps the newest result: an older one recorded later (a receipt saved late) does not replace it", () => {
    const id = add();
    recordTestResult(id, { at: 2_000, ok: false, status: 404, code: "no_service" });
    recordTestResult(id, { at: 1_000, ok: true, status: 200, code: null });
    expect(findDestination(id)).toMatchObject({ lastTestAt: 2_000, lastTestOk: false, lastTestStatus: 404, lastTestCode: "no_service" });
    recordTestResult(id, { at: 3_000, ok: true, status: 200, code: null });
    expect(findDestination(id)).toMatchObject({ lastTestAt: 3_000, lastTestOk: true, lastTestStatus: 200 });
  });
});
