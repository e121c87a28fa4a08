import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

// First-load JavaScript of a page, read from the production build (as `next build` used to print
// it): the runtime chunks every page loads (build-manifest rootMainFiles) plus the chunks of the
// page and its layouts (the page's client reference manifest), each gzipped, in kB (1,000 bytes).

const NEXT = path.resolve(".next");

export function firstLoadKb(appPage: string): { kb: number; files: number } {
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(NEXT, "server", "app", `${appPage}_client-reference-manifest.js`);
  const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(holder);
  const manifest = holder.__RSC_MANIFEST[appPage];
  if (!manifest) throw new Error(`no client manifest for ${appPage}`);
  const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(fs.readFileSync(path.join(NEXT, file)), { level: 9 }).length;
  return { kb: Math.round(bytes / 100) / 10, files: files.size };
}

/** The 추가 알림 screens (the destination list and the form that adds one) and 개요. */
export function consoleFirstLoad() {
  return {
    list: firstLoadKb("/(console)/settings/integrations/alerts/page"),
    add: firstLoadKb("/(console)/settings/integrations/alerts/new/page"),
    overview: firstLoadKb("/(console)/overview/page"),
  };
}
