// `npm run apikey -- create <name>`: creates an API key for automation; the key is the last line.
import { createApiKey } from "@/lib/api-keys";
import { databasePath } from "@/lib/env";

const [command, ...rest] = process.argv.slice(2);
const name = rest.join(" ").trim();

if (command !== "create" || !name || name.length > 50) {
  console.error("usage: npm run apikey -- create <name (1–50 characters)>");
  process.exit(2);
}

const { row, key, signingSecret } = createApiKey(name);
console.error(`created API key "${row.name}" (${row.prefix}…) in ${databasePath()}; both values are shown only now.`);
console.error(`signing secret (for signed requests, X-Alimi-Key-Id: ${row.prefix}): ${signingSecret}`);
console.log(key);
