import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { MESSENGER_IDS, type MessengerId } from "@/lib/messengers/ids";
import type { WebhookMessengerId } from "@/lib/messengers/types";
import type Messages from "@/messages/ko.json";
import { ADMIN, FAKE_PORT } from "../playwright.config";
import { EXAMPLE_PATHS } from "./fake-messenger/paths";

export const ALERTS_PATH = "/settings/integrations/alerts";

export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto("/login");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(new RegExp(`${ALERTS_PATH}$`));
}

/** Real-shaped webhook URLs for each messenger (validation only; nothing is sent in these specs). */
export const SAMPLE_URLS: Record<WebhookMessengerId, string> = {
  slack: "https://hooks.slack.com/services/T0E2ETEST/B0E2ETEST/slackSecretA1B2",
  mattermost: "https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz",
  jandi: "https://wh.jandi.com/connect-api/webhook/1234567/jandiSecretC3D4",
  hiworks: "https://hooks.hiworks.com/messenger/chat/0123456789abcdef0123456789abcdef",
  agit: "https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  teamroom: "https://teamroom.nate.com/api/webhook/0a1b2c3d/teamroomSecretE5F6",
  teams:
    "https://prod-12.koreacentral.logic.azure.com:443/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke" +
    "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=teamsSig0123456789abcdefghijklmnopqrstuvwG7H8",
  googlechat: "https://chat.googleapis.com/v1/spaces/AAAAe2eTest/messages?key=AIzaSyE2eKey0123456789abcdefghijklmnop&token=chatTokenI9J0",
  discord: "https://discord.com/api/webhooks/123456789012345678/discordSecret0123456789abcdefghijK1L2",
  dooray: "https://hook.dooray.com/services/1234567890123456789/2345678901234567890/doorayTokenM3N4",
};

/** The part of a sample URL that is the secret: its signed query value (Teams' sig, Google Chat's token) or its last path segment. */
export function secretOf(url: string): string {
  const u = new URL(url);
  return u.searchParams.get("sig") ?? u.searchParams.get("token") ?? u.pathname.split("/").at(-1)!;
}

// Read, not imported: Playwright loads specs as ES modules, which refuse a JSON import without an attribute.
const ko: typeof Messages = JSON.parse(fs.readFileSync("messages/ko.json", "utf8"));

/** Each messenger's name as the console shows it (messages/ko.json). */
export const MESSENGER_LABELS = Object.fromEntries(MESSENGER_IDS.map((id) => [id, ko.messengers[id].name])) as Record<MessengerId, string>;

export const FAKE = `http://127.0.0.1:${FAKE_PORT}`;

/** Webhook paths on the fake messenger server, in each messenger's real shape (with the query where the real URL has one). */
export const FAKE_PATHS: Record<WebhookMessengerId, string> = EXAMPLE_PATHS;

/** The messengers reached through a webhook (이메일 has its own spec, e2e/email.spec.ts). */
export type Messenger = WebhookMessengerId;

/** Adds a destination through the console, as an admin would. */
export async function addDestination(
  page: Page,
  messenger: Messenger,
  opts: { name: string; url: string; channel?: string; topic?: string },
) {
  await page.goto(`${ALERTS_PATH}/new?messenger=${messenger}`);
  await page.getByLabel("이름").fill(opts.name);
  await page.getByLabel("Webhook URL").fill(opts.url);
  if (opts.channel) await page.getByLabel(/^채널/).fill(opts.channel);
  if (messenger === "jandi") await page.getByLabel("토픽").fill(opts.topic ?? "고객문의");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/saved=1$/);
}

export interface FakeRequest {
  path: string;
  /** the query string without "?" */
  query: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  parsed: unknown;
  at: number;
}

export async function fakeRequests(path?: string): Promise<FakeRequest[]> {
  const res = await fetch(`${FAKE}/_fake/requests${path ? `?path=${encodeURIComponent(path)}` : ""}`);
  const json = (await res.json()) as FakeRequest[] | { requests: FakeRequest[] };
  return Array.isArray(json) ? json : json.requests;
}

export async function fakeControl(route: "script" | "mode" | "reset", body: unknown = {}) {
  const res = await fetch(`${FAKE}/_fake/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake ${route} failed: ${res.status}`);
}

/**
 * Deletes a destination through the console, for specs that add one only to look at pages: the
 * console specs share one server, and others count its destinations.
 */
export async function deleteDestination(page: Page, name: string) {
  await page.goto(ALERTS_PATH);
  await page
    .getByTestId("destination-row")
    .filter({ hasText: name })
    .getByRole("link", { name: /수정|Edit/ })
    .click();
  await page.getByRole("button", { name: /^(삭제|Delete)$/ }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^(삭제|Delete)$/ })
    .click();
  await expect(page).toHaveURL(/deleted=1$/);
}
