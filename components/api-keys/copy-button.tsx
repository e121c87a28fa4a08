"use client";

import { useState } from "react";

/** Copies `text` (navigator.clipboard); says so in a live region, so a screen reader hears it too. */
export function CopyButton(props: { text: string; label: string; copiedLabel: string; describedBy?: string }) {
  const { text, label, copiedLabel, describedBy } = props;
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button type="button" className="btn" onClick={copy} aria-live="polite" aria-describedby={describedBy}>
      {copied ? copiedLabel : label}
    </button>
  );
}
