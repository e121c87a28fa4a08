import { z } from "zod";
import { SMTP_SECURITY } from "@/db/schema";
import { isEmailAddress } from "@/lib/messengers/email/recipients";
import { isIpLiteral, restrictedKind } from "@/lib/net/ip-ranges";

// 설정 › 연동 › 이메일 서버, judged on the server (the form ships no zod). Messages are keys under
// "smtpSettings.errors.*". The same SSRF policy as webhook URLs: without
// ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1 a loopback, private or internal host is refused here (and the
// address actually connected to is checked again when sending, lib/delivery/smtp.ts), and so is
// 보안 연결 없음; with it, 127.0.0.1/localhost may be used without TLS (tests, local demos).

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1"]);

export function smtpHostProblem(host: string, allowLoopback: boolean): string | null {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (!isIpLiteral(bare) && !HOSTNAME.test(bare)) return "host";
  const kind = bare === "localhost" || bare.endsWith(".localhost") ? "loopback" : isIpLiteral(bare) ? restrictedKind(bare) : null;
  if (kind === null) return null;
  return kind === "loopback" && allowLoopback && LOOPBACK_NAMES.has(bare) ? null : "hostPrivate";
}

export function smtpSettingsSchema(opts: { allowLoopback: boolean }) {
  return z
    .object({
      host: z.string().trim().min(1, "hostRequired").max(253, "host"),
      port: z.coerce.number("port").int("port").min(1, "port").max(65_535, "port"),
      security: z.enum(SMTP_SECURITY, "security"),
      username: z.string().trim().max(254, "username"),
      /** "" keeps the saved password (it is never sent to the browser) */
      password: z.string().max(512, "password"),
      /** on: forget the saved password (a server without AUTH) */
      clearPassword: z.boolean(),
      fromAddress: z.string().trim().min(1, "fromRequired").refine(isEmailAddress, "fromAddress"),
      fromName: z
        .string()
        .trim()
        .max(60, "fromName")
        .transform((name) => name.replace(/[\r\n"<>]/g, "") || "알리미"),
    })
    .superRefine((value, ctx) => {
      const host = smtpHostProblem(value.host, opts.allowLoopback);
      if (host) ctx.addIssue({ code: "custom", path: ["host"], message: host });
      // Plain SMTP would send the password and the customers' words in the clear.
      if (value.security === "none" && !(opts.allowLoopback && host === null && LOOPBACK_NAMES.has(value.host.toLowerCase()))) {
        ctx.addIssue({ code: "custom", path: ["security"], message: "securityNone" });
      }
    });
}

export type SmtpSettingsInput = z.infer<ReturnType<typeof smtpSettingsSchema>>;

/**
 * The action's input: judged with the loopback setting as it is when the request comes in (not
 * when the module loads, at build time); issues keep their field paths.
 */
export function smtpSettingsInput(allowLoopback: () => boolean) {
  return z.unknown().transform((input, ctx) => {
    const parsed = smtpSettingsSchema({ allowLoopback: allowLoopback() }).safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}
