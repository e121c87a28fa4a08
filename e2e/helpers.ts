import { expect, type Page } from "@playwright/test";
import { ADMIN } from "../playwright.config";

export const ALERTS_PATH = "/settings/integrations/alerts";

export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto("/login");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(new RegExp(`${ALERTS_PATH}$`));
}

/** Real-shaped webhook URLs for each messenger (validation only; nothing is sent in these specs). */
export const SAMPLE_URLS = {
  slack: "https://hooks.slack.com/services/T0E2ETEST/B0E2ETEST/slackSecretA1B2",
  mattermost: "https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz",
  jandi: "https://wh.jandi.com/connect-api/webhook/1234567/jandiSecretC3D4",
  hiworks: "https://hooks.hiworks.com/messenger/chat/0123456789abcdef0123456789abcdef",
  agit: "https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  teamroom: "https://teamroom.nate.com/api/webhook/0a1b2c3d/teamroomSecretE5F6",
} as const;

export const MESSENGER_LABELS = {
  slack: "슬랙(Slack)",
  mattermost: "매터모스트(Mattermost)",
  jandi: "잔디(Jandi)",
  hiworks: "하이웍스(Hiworks)",
  agit: "아지트(Agit)",
  teamroom: "팀룸(Teamroom)",
} as const;
