// The curl examples shown under API 키. Plain strings (no highlighter, nothing shipped to the
// browser but the text): the page renders them and the copy buttons copy exactly what is shown.

const SAMPLE = {
  event: "message.submitted",
  session: { id: "s_123", url: "https://chat.example.com/ws/sessions/s_123", channel: "kakao" },
  customer: { name: "홍길동" },
  message: "배송 문의드립니다",
  team: "cs",
};

// The body goes inside single quotes in a POSIX shell; the sample has none, but stay safe.
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export type ExampleId = "dispatch" | "dryRun" | "destinations";

export function curlExamples(baseUrl: string): { id: ExampleId; command: string }[] {
  const auth = `  -H "Authorization: Bearer $ALIMI_API_KEY"`;
  const post = (body: object, extra: string[] = []) =>
    [
      `curl -X POST ${baseUrl}/api/v1/alerts \\`,
      `${auth} \\`,
      `  -H "Content-Type: application/json" \\`,
      ...extra.map((line) => `${line} \\`),
      `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
    ].join("\n");
  return [
    { id: "dispatch", command: post(SAMPLE, [`  -H "Idempotency-Key: evt_123"`]) },
    { id: "dryRun", command: post({ ...SAMPLE, dryRun: true }) },
    { id: "destinations", command: [`curl ${baseUrl}/api/v1/destinations \\`, auth].join("\n") },
  ];
}
