// `npx tsx e2e/fake-messenger/cli.ts [--port 4010]`: the fake messengers for a local demo.
import { startFakeMessenger } from "./server";

const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4010;

const EXAMPLES = {
  "슬랙(Slack)": "/services/T0000DEMO/B0000DEMO/demoSecret123",
  "매터모스트(Mattermost)": "/hooks/demo0000000000000000000000",
  "잔디(Jandi)": "/connect-api/webhook/1234567/demoToken123",
  "하이웍스(Hiworks)": "/messenger/chat/0123456789abcdef0123456789abcdef",
  "아지트(Agit)": "/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  "팀룸(Teamroom)": "/api/webhook/0a1b2c3d/demoToken123",
};

const fake = await startFakeMessenger({
  port,
  onRequest: (r) => {
    // Only the start of the path: the last segment stands in for a secret, even here.
    const shown = r.path.split("/").slice(0, -1).join("/");
    console.log(`${new Date(r.at).toISOString()} ${r.messenger.padEnd(10)} ${shown}/… → ${r.answered}`);
  },
});
console.log(`fake messenger server on ${fake.url}; example webhook URLs:`);
for (const [name, path] of Object.entries(EXAMPLES)) console.log(`  ${name.padEnd(22)} ${fake.url}${path}`);
console.log("control: GET /_fake/requests, POST /_fake/script | /_fake/mode | /_fake/rate-limit | /_fake/reset");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void fake.close().then(() => process.exit(0)));
}
