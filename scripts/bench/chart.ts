import { chromium } from "@playwright/test";

// The results as one PNG: an SVG drawn here, rendered by the same Chromium the e2e suite uses.

export interface ChartData {
  accept: { connections: number; alimi: number; ceiling: number }[];
  notify: { messenger: string; p50: number; p99: number }[];
  peer: { alimi: number; apprise: number | null };
  title: string;
  /** one line under the panels: memory, burst, bundle size */
  footer?: string;
}

/** The smallest 1, 2 or 5 × 10^k at or above `value`: axis ticks a reader can use. */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= value) ?? value;
}

function bars(
  x: number,
  y: number,
  w: number,
  h: number,
  title: string,
  unit: string,
  groups: { label: string; values: { v: number; color: string; name: string }[] }[],
) {
  const max = niceMax(Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v.v))));
  const gw = w / groups.length;
  const bw = Math.min(40, (gw - 20) / Math.max(1, groups[0]?.values.length ?? 1));
  let out = `<text x="${x}" y="${y - 12}" font-size="16" font-weight="700">${title}</text>`;
  out += `<line x1="${x}" y1="${y + h}" x2="${x + w}" y2="${y + h}" stroke="#888"/><line x1="${x}" y1="${y}" x2="${x}" y2="${y + h}" stroke="#888"/>`;
  for (let t = 0; t <= 5; t++) {
    const ty = y + h - (h * t) / 5;
    out += `<text x="${x - 6}" y="${ty + 4}" font-size="11" text-anchor="end" fill="#555">${Math.round((max * t) / 5)}</text>`;
  }
  out += `<text x="${x - 48}" y="${y + h / 2}" font-size="12" transform="rotate(-90 ${x - 48} ${y + h / 2})" text-anchor="middle">${unit}</text>`;
  groups.forEach((g, i) => {
    const gx = x + i * gw + 10;
    g.values.forEach((v, j) => {
      const bh = (h * v.v) / max;
      out += `<rect x="${gx + j * bw}" y="${y + h - bh}" width="${bw - 4}" height="${bh}" fill="${v.color}"/>`;
      out += `<text x="${gx + j * bw + (bw - 4) / 2}" y="${y + h - bh - 4}" font-size="10" text-anchor="middle">${Math.round(v.v)}</text>`;
    });
    out += `<text x="${gx + (g.values.length * bw) / 2}" y="${y + h + 18}" font-size="12" text-anchor="middle">${g.label}</text>`;
  });
  return out;
}

function legend(x: number, y: number, items: { color: string; name: string }[], spacing = 190) {
  return items
    .map(
      (it, i) =>
        `<rect x="${x + i * spacing}" y="${y}" width="12" height="12" fill="${it.color}"/><text x="${x + i * spacing + 18}" y="${y + 11}" font-size="12">${it.name}</text>`,
    )
    .join("");
}

export async function renderChart(data: ChartData, file: string) {
  const A = "#2F5BEA";
  const C = "#9CA3AF";
  const P = "#E8A317";
  const W = 1500;
  const H = 560;
  const ratio = data.peer.apprise ? `Alimi = ${(data.peer.alimi / data.peer.apprise).toFixed(1)}× Apprise` : "Apprise not measured";
  const D = "#1F45C4";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="NanumGothic, sans-serif">
    <rect width="${W}" height="${H}" fill="#fff"/>
    <text x="24" y="34" font-size="20" font-weight="800">${data.title}</text>
    ${legend(24, 52, [
      { color: A, name: "Alimi" },
      { color: C, name: "bare node:http (ceiling)" },
      { color: P, name: "Apprise (peer)" },
    ])}
    ${bars(
      90,
      120,
      480,
      320,
      "Accept: POST /api/v1/alerts (6 deliveries each)",
      "requests / s",
      data.accept.map((a) => ({
        label: `${a.connections} conn.`,
        values: [
          { v: a.alimi, color: A, name: "Alimi" },
          { v: a.ceiling, color: C, name: "ceiling" },
        ],
      })),
    )}
    ${bars(
      680,
      120,
      440,
      320,
      "Time to notify (1 alert every 2 s)",
      "milliseconds",
      data.notify.map((n) => ({
        label: n.messenger,
        values: [
          { v: n.p50, color: A, name: "p50" },
          { v: n.p99, color: D, name: "p99" },
        ],
      })),
    )}
    ${legend(
      960,
      88,
      [
        { color: A, name: "p50" },
        { color: D, name: "p99" },
      ],
      60,
    )}
    ${bars(1240, 120, 200, 320, "1,000 alerts, end to end", "alerts / s", [
      {
        label: ratio,
        values: [
          { v: data.peer.alimi, color: A, name: "Alimi" },
          { v: data.peer.apprise ?? 0, color: P, name: "Apprise" },
        ],
      },
    ])}
    ${data.footer ? `<text x="24" y="${H - 24}" font-size="13" fill="#333">${data.footer.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>` : ""}
  </svg>`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H } });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.screenshot({ path: file });
  } finally {
    await browser.close();
  }
}
