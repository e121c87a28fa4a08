// `npx tsx e2e/fake-messenger/cli.ts [--port 4010] [--smtp-port 2525]`: the fake messengers on
// their own, for a local demo (start Alimi with ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1 and paste a URL
// printed below; for 이메일, enter the printed SMTP server under 설정 › 연동 › 이메일 서버), for
// Playwright's webServer and for `npm run bench`.
import fs from "node:fs";
import path from "node:path";
import { CONTROL_ROUTES } from "./control";
import { EXAMPLE_PATHS, type MessengerKind, maskPath, startFakeMessenger } from "./server";
import { startFakeSmtp } from "./smtp";

// The names the console shows (messages/ko.json), not a second list to keep in step.
const ko = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages/ko.json"), "utf8"));
const LABELS = Object.fromEntries(Object.keys(EXAMPLE_PATHS).map((id) => [id, ko.messengers[id].name as string])) as Record<
  MessengerKind,
  string
>;

function portFromArgs(argv: string[], flag: string, fallback: string): number {
  const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  const raw = i < 0 ? fallback : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: tsx e2e/fake-messenger/cli.ts [--port 4010] [--smtp-port 2525]  (got ${flag} ${raw})`);
    process.exit(2);
  }
  return port;
}

const time = () => new Date().toISOString().slice(11, 23);

const fake = await startFakeMessenger({
  port: portFromArgs(process.argv.slice(2), "--port", "4010"),
  onRequest: (r) => {
    const took = r.answeredAt && r.answeredAt - r.at > 50 ? ` after ${r.answeredAt - r.at} ms` : "";
    console.log(`${time()} ${r.messenger.padEnd(10)} ${r.method} ${maskPath(r.path)} → ${r.answered}${took}`);
  },
  onUnmatched: (method, path) =>
    console.log(`${time()} ${"?".padEnd(10)} ${method} ${maskPath(path)} → 404 (no messenger has this path shape)`),
});

console.log(`Fake messenger server on ${fake.url}. Example webhook URLs:`);
for (const [kind, path] of Object.entries(EXAMPLE_PATHS) as [MessengerKind, string][]) {
  console.log(`  ${LABELS[kind].padEnd(24)} ${fake.url}${path}`);
}
console.log(
  "Discord: add ?wait=true for a 200 with the message; Google Chat: add &messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD to thread by thread.threadKey.",
);
// 이메일: a plain SMTP server (보안 연결 없음, allowed for 127.0.0.1 only under ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1).
// Only when asked for, so Playwright's and the benchmark's fake does not hold a second port.
if (process.argv.some((a) => a.startsWith("--smtp-port"))) {
  const smtp = await startFakeSmtp({
    port: portFromArgs(process.argv.slice(2), "--smtp-port", "2525"),
    onMessage: (mail) => console.log(`${time()} ${"email".padEnd(10)} ${mail.to.join(", ")} ← "${mail.subject}"`),
  });
  console.log(`  ${"이메일 (SMTP 서버)".padEnd(24)} ${smtp.host}, 포트 ${smtp.port}, 보안 연결 없음`);
}
console.log("Control API:");
for (const r of CONTROL_ROUTES) console.log(`  ${r}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void fake.close().then(() => process.exit(0)));
}
