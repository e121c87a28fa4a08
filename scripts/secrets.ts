// `npm run secrets -- rotate`: re-encrypts every stored secret (webhook URLs, request-signing
// secrets) with a new key.
import { rotateSecretKey } from "@/lib/crypto/rotate";
import { config } from "@/lib/env";

if (process.argv[2] !== "rotate") {
  console.error("usage: npm run secrets -- rotate   (with ALIMI_SECRET_KEY set, also set ALIMI_NEW_SECRET_KEY, and stop Alimi first)");
  process.exit(2);
}
try {
  const { count, keyFile } = rotateSecretKey(config().newSecretKey);
  console.log(`re-encrypted ${count} secret(s) (webhook URLs and signing secrets) with a new key`);
  console.log(
    keyFile
      ? `the new key is in ${keyFile} (mode 0600); running servers pick it up by themselves`
      : "now set ALIMI_SECRET_KEY to the value of ALIMI_NEW_SECRET_KEY and start Alimi (a server left running meanwhile would seal new secrets with the old key)",
  );
} catch (error) {
  console.error(`rotation failed, no secret was changed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
