import { describe, expect, it } from "vitest";
import { urlError } from "../cards/url-cases";
import { teams } from ".";

const Q = "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbC-dEf_0123456789abcdefghijklmnopqrstuvwxy";
const HEX = "0123456789abcdef0123456789abcdef";
const LOGIC = `https://prod-12.koreacentral.logic.azure.com:443/workflows/${HEX}/triggers/manual/paths/invoke${Q}`;
const PP = `https://default0123456789abcdef0123456789ab.cd.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${HEX}/triggers/manual/paths/invoke${Q.replace("2016-06-01", "1")}`;
const err = (url: string, loopback = false) => urlError(teams.configSchema, url, loopback);

describe("teams webhook URL", () => {
  it.each([LOGIC, PP, LOGIC.replace(":443", ""), LOGIC.replace("2016-06-01", "2016-10-01")])("accepts %s", (url) => {
    expect(err(url)).toBeNull();
  });

  it.each([
    ["https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d", "teamsConnectorRetired"],
    ["https://outlook.office.com/webhook/a@b/IncomingWebhook/c/d", "teamsConnectorRetired"],
    [LOGIC.replace("prod-12.koreacentral.logic.azure.com", "evil-logic.azure.com"), "host"],
    [LOGIC.replace("prod-12.koreacentral.logic.azure.com", "logic.azure.com.evil.com"), "host"],
    [LOGIC.replace("prod-12.koreacentral.logic.azure.com", "logic.azure.com"), "host"],
    [LOGIC.replace("logic.azure.com", "logic.azure.com."), "host"],
    [LOGIC.replace(":443", ":8443"), "host"],
    [LOGIC.replace("prod-12.koreacentral.logic.azure.com", "prod-1.api.powerautomate.com"), "host"],
    [LOGIC.replace("https://", "https://user:pw@"), "credentials"],
    [LOGIC.replace("https://", "http://"), "https"],
    [` ${LOGIC}x y`, "invalid"],
    [`${LOGIC} `.replace("sig=", "sig= "), "invalid"],
    [LOGIC.replace("/manual/", "/other/"), "path"],
    [LOGIC.replace(HEX, "0123"), "path"],
    [`${LOGIC}#x`, "path"],
    [LOGIC.replace(/&sig=[^&]+/, ""), "teamsQuery"],
    [LOGIC.replace("api-version=2016-06-01&", ""), "teamsQuery"],
    [`${LOGIC}&sig=again`, "teamsQuery"],
    [`${LOGIC}&extra=1`, "teamsQuery"],
    [LOGIC.replace(/\?.*/, ""), "teamsQuery"],
  ])("refuses %s with %s", (url, key) => {
    expect(err(url)).toBe(key);
  });

  it("accepts the same path and query on loopback only with ALERTS_ALLOW_LOOPBACK_WEBHOOKS", () => {
    const local = `http://127.0.0.1:4010/workflows/${HEX}/triggers/manual/paths/invoke${Q}`;
    expect(err(local, true)).toBeNull();
    expect(err(local.replace("127.0.0.1", "localhost"), true)).toBeNull();
    expect(err(local)).toBe("https");
    expect(err(local.replace(/&sig=[^&]+/, ""), true)).toBe("teamsQuery");
    expect(err(local.replace("/manual/", "/x/"), true)).toBe("path");
    expect(err(local.replace("127.0.0.1", "10.0.0.1"), true)).toBe("https");
  });
});
