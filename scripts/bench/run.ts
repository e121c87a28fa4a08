// `npm run bench` (full, ~8 min) or `npm run bench -- --smoke` (seconds; CI checks it runs).
// Builds Alimi, then measures accept throughput against the machine's ceiling, time to notify
// per messenger, a 300-alert burst into a 1/s Slack, 1,000 alerts end to end beside Apprise,
// and memory. Writes bench/results/{results.json,results.md,bench.png}.

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { renderChart } from "./chart";
import { consoleFirstLoad } from "./first-load";
import { overviewPhase } from "./overview";
import { acceptPhase, burstPhase, notifyPhase, peerPhase } from "./phases";
import { machine } from "./support";

const smoke = process.argv.includes("--smoke");
const skipBuild = process.argv.includes("--no-build");
// `--only=overview` (or `--only=accept,overview`): just those phases, printed and written to
// bench/results/only-<phases>.json, leaving the full run's files alone. The 개요 phase needs no build.
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const OUT = path.resolve("bench/results");
const plan = smoke
  ? { levels: [1, 16], seconds: 1, notifySeconds: 4, burst: 20, peer: 30, overviewDeliveries: 20_000, overviewRuns: 3 }
  : { levels: [1, 16, 64, 256], seconds: 20, notifySeconds: 60, burst: 300, peer: 1_000, overviewDeliveries: 1_000_000, overviewRuns: 5 };

// Every process of the run (this one seeds the databases, the servers read them) shares one key.
process.env.ALIMI_SECRET_KEY ??= randomBytes(32).toString("base64");

function log(message: string) {
  console.log(`[bench] ${message}`);
}

/** `npm run bench -- --chart`: draw bench.png again from results.json, without measuring. */
async function chartOnly() {
  const r = JSON.parse(fs.readFileSync(path.join(OUT, "results.json"), "utf8")) as BenchResults;
  await renderChart(chartData(r), path.join(OUT, "bench.png"));
}

interface BenchResults {
  smoke: boolean;
  machine: ReturnType<typeof machine>;
  accept: Awaited<ReturnType<typeof acceptPhase>>;
  notify: Awaited<ReturnType<typeof notifyPhase>>;
  burst: Awaited<ReturnType<typeof burstPhase>>;
  peer: Awaited<ReturnType<typeof peerPhase>>;
  firstLoad: ReturnType<typeof consoleFirstLoad>;
  overview: ReturnType<typeof overviewPhase>;
}

function chartData(r: BenchResults) {
  return {
    title: `Alimi benchmark — ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB${r.smoke ? " (smoke run)" : ""}`,
    accept: r.accept.alimi.map((a, i) => ({ connections: a.connections, alimi: a.rps, ceiling: r.accept.ceiling[i].rps })),
    notify: Object.entries(r.notify.perMessenger).map(([messenger, n]) => ({ messenger, p50: n.p50, p99: n.p99 })),
    peer: { alimi: r.peer.alimi.perSecond, apprise: r.peer.apprise?.perSecond ?? null },
    footer:
      `Memory: RSS ${r.accept.idleRss} MB idle, ${r.accept.peakRss} MB peak · DB ${r.accept.mbPer10k} MB / 10,000 alerts · ` +
      `burst ${r.burst.count} → Slack (1/s) visible in ${r.burst.visibleMs ?? "—"} ms, ${r.burst.rateLimited} × 429 · first-load JS ${r.firstLoad.add.kb} kB gz`,
  };
}

async function onlyPhases(phases: string[]) {
  const results: Record<string, unknown> = { when: new Date().toISOString(), smoke, machine: machine(), plan };
  if (phases.includes("accept")) {
    log(`accept: ${plan.levels.join(", ")} connections × ${plan.seconds} s, Alimi then the bare ceiling…`);
    const accept = await acceptPhase(plan.levels, plan.seconds);
    for (const a of accept.alimi) log(`accept ${a.connections} connections: ${a.rps} req/s, p99 ${a.p99} ms, ${a.errors} errors`);
    results.accept = accept;
  }
  if (phases.includes("overview")) {
    log(`개요: ${plan.overviewDeliveries.toLocaleString("en-US")} deliveries over 30 days, each aggregate × ${plan.overviewRuns}…`);
    const overview = overviewPhase(plan.overviewDeliveries, plan.overviewRuns);
    log(`filled ${overview.deliveries} deliveries in ${overview.fillMs} ms`);
    for (const [p, q] of Object.entries(overview.byPeriod)) log(`${p}: ${JSON.stringify(q)}`);
    results.overview = overview;
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `only-${phases.join("-")}${smoke ? "-smoke" : ""}.json`), `${JSON.stringify(results, null, 2)}\n`);
}

async function main() {
  if (process.argv.includes("--chart")) return chartOnly();
  if (only) {
    if (!skipBuild && only.includes("accept")) spawnSync(process.execPath, [path.resolve("scripts/build.mjs")], { stdio: "inherit" });
    return onlyPhases(only);
  }
  if (!skipBuild) {
    log("building (npm run build)…");
    const build = spawnSync(process.execPath, [path.resolve("scripts/build.mjs")], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("the build failed");
  }
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();

  log(`accept: ${plan.levels.join(", ")} connections × ${plan.seconds} s, Alimi then the bare ceiling…`);
  const accept = await acceptPhase(plan.levels, plan.seconds);
  log(`time to notify: one alert every 2 s for ${plan.notifySeconds} s…`);
  const notify = await notifyPhase(plan.notifySeconds, 2_000);
  log(`burst: ${plan.burst} alerts into a 1/s Slack…`);
  const burst = await burstPhase(plan.burst);
  log(`peer: ${plan.peer} alerts end to end, Alimi and Apprise…`);
  const peer = await peerPhase(plan.peer);

  log(`개요: ${plan.overviewDeliveries.toLocaleString("en-US")} deliveries over 30 days, each aggregate × ${plan.overviewRuns}…`);
  const overview = overviewPhase(plan.overviewDeliveries, plan.overviewRuns);

  const firstLoad = consoleFirstLoad();
  const results = {
    when: new Date().toISOString(),
    smoke,
    machine: machine(),
    plan,
    accept,
    notify,
    burst,
    peer,
    overview,
    firstLoad,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(path.join(OUT, smoke ? "smoke.json" : "results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const lines = [
    `Machine: ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, ${results.machine.cpu}, Node ${results.machine.node}`,
    "",
    "| connections | Alimi req/s | p50 ms | p95* ms | p99 ms | errors | ceiling req/s | Alimi / ceiling |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...accept.alimi.map((a, i) => {
      const c = accept.ceiling[i];
      return `| ${a.connections} | ${a.rps} | ${a.p50} | ${a.p95} | ${a.p99} | ${a.errors} | ${c.rps} | ${((a.rps / c.rps) * 100).toFixed(0)} % |`;
    }),
    "",
    "\\* autocannon reports p97.5, shown in the p95 column.",
    "",
    "| messenger | notify p50 ms | p95 ms | p99 ms | alerts |",
    "|---|---:|---:|---:|---:|",
    ...Object.entries(notify.perMessenger).map(([m, n]) => `| ${m} | ${n.p50} | ${n.p95} | ${n.p99} | ${n.n} |`),
    "",
    `Burst: ${burst.count} alerts accepted in ${burst.acceptedMs} ms, all visible in Slack after ${burst.visibleMs ?? "—"} ms, in ${burst.requests} messages, ${burst.rateLimited} × 429.`,
    `Peer, ${peer.count} alerts to 2 receivers: Alimi ${peer.alimi.perSecond} alerts/s (${peer.alimi.ms} ms, ${peer.alimi.messages} messages: digests within each destination's pace); ` +
      (peer.apprise
        ? `Apprise ${peer.apprise.perSecond} alerts/s (${peer.apprise.ms} ms): ${(peer.alimi.perSecond / peer.apprise.perSecond).toFixed(1)}×.`
        : "Apprise not measured."),
    `Memory: server RSS ${accept.idleRss} MB idle, ${accept.peakRss} MB at peak; database ${accept.mbPer10k} MB per 10,000 alerts (${accept.alerts} stored).`,
    `First-load JavaScript (gzip, from the build): 추가 알림 list ${firstLoad.list.kb} kB, add form ${firstLoad.add.kb} kB, 개요 ${firstLoad.overview.kb} kB.`,
    "",
    `개요 aggregates, median of ${overview.runs} runs on ${overview.deliveries.toLocaleString("en-US")} deliveries / ${overview.alerts.toLocaleString("en-US")} alerts over 30 days (filled in ${overview.fillMs} ms):`,
    "",
    "| period | alerts by event ms | outcomes ms | time to notify p50/p95 ms | failures ms | page total ms |",
    "|---|---:|---:|---:|---:|---:|",
    ...Object.entries(overview.byPeriod).map(
      ([p, q]) => `| ${p} | ${q.alertsByEvent} | ${q.outcomesByDestination} | ${q.notifyLatency} | ${q.failureReasons} | ${q.total} |`,
    ),
  ];
  fs.writeFileSync(path.join(OUT, smoke ? "smoke.md" : "results.md"), `${lines.join("\n")}\n`);
  console.log(lines.join("\n"));

  await renderChart(chartData(results), path.join(OUT, smoke ? "smoke.png" : "bench.png"));
  log(`done in ${results.seconds} s; files in ${path.relative(process.cwd(), OUT)}/`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
