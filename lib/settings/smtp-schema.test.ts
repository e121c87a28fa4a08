import { describe, expect, it } from "vitest";
import { smtpSettingsSchema } from "./smtp-schema";

const base = {
  host: "smtp.example.com",
  port: "587",
  security: "starttls",
  username: "alimi",
  password: "",
  clearPassword: false,
  fromAddress: "alerts@example.com",
  fromName: "",
};
const errors = (values: Record<string, unknown>, allowLoopback = false) => {
  const result = smtpSettingsSchema({ allowLoopback }).safeParse({ ...base, ...values });
  // The first issue per field, as the form shows it (lib/actions/define-action.ts fieldErrorsOf).
  return result.success ? {} : Object.fromEntries(result.error.issues.reverse().map((i) => [String(i.path[0]), i.message]));
};

describe("이메일 서버 settings", () => {
  it("accepts a normal submission server, with 알리미 as the default From name", () => {
    const parsed = smtpSettingsSchema({ allowLoopback: false }).parse(base);
    expect(parsed).toMatchObject({ host: "smtp.example.com", port: 587, security: "starttls", fromName: "알리미" });
    expect(errors({ security: "tls", port: "465" })).toEqual({});
  });

  it.each([
    [{ host: "" }, { host: "hostRequired" }],
    [{ host: "smtp example.com" }, { host: "host" }],
    [{ host: "smtp.example.com:587" }, { host: "host" }],
    [{ host: "127.0.0.1", security: "tls" }, { host: "hostPrivate" }],
    [{ host: "localhost", security: "tls" }, { host: "hostPrivate" }],
    [{ host: "10.0.0.5" }, { host: "hostPrivate" }],
    [{ host: "169.254.169.254" }, { host: "hostPrivate" }],
    [{ port: "0" }, { port: "port" }],
    [{ port: "70000" }, { port: "port" }],
    [{ port: "abc" }, { port: "port" }],
    [{ security: "ssl" }, { security: "security" }],
    [{ security: "none" }, { security: "securityNone" }],
    [{ fromAddress: "" }, { fromAddress: "fromRequired" }],
    [{ fromAddress: "알리미 <a@b.com>" }, { fromAddress: "fromAddress" }],
    [{ fromName: "가".repeat(61) }, { fromName: "fromName" }],
  ])("refuses %j", (values, expected) => {
    expect(errors(values)).toEqual(expected);
  });

  it("with ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1: 127.0.0.1 without TLS, but still not a private network", () => {
    expect(errors({ host: "127.0.0.1", security: "none", port: "2525" }, true)).toEqual({});
    expect(errors({ host: "localhost", security: "none" }, true)).toEqual({});
    expect(errors({ host: "10.0.0.5", security: "none" }, true)).toEqual({ host: "hostPrivate", security: "securityNone" });
    expect(errors({ host: "smtp.example.com", security: "none" }, true)).toEqual({ security: "securityNone" });
  });

  it("keeps header characters out of the From name", () => {
    expect(smtpSettingsSchema({ allowLoopback: false }).parse({ ...base, fromName: 'CS "팀" <x>\r\nBcc: y' }).fromName).toBe(
      "CS 팀 xBcc: y",
    );
  });
});
