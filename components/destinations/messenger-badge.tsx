import type { ReactNode } from "react";
import { isMessengerId } from "@/lib/messengers/ids";
import { messengerMeta } from "@/lib/messengers/meta";

/**
 * A messenger's name in its own colours, from its definition (lib/messengers/<id>/meta.ts), so
 * globals.css needs no rule per messenger. `messenger` may come from storage (a log row), so an
 * unknown id keeps the plain badge.
 */
export function MessengerBadge({ messenger, children }: { messenger: string; children: ReactNode }) {
  const badge = isMessengerId(messenger) ? messengerMeta[messenger].badge : undefined;
  return (
    <span className="badge" style={badge ? { background: badge.background, color: badge.color } : undefined}>
      {children}
    </span>
  );
}
