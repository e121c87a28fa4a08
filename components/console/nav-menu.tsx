"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";

// On a phone the settings navigation is a menu behind a button, so a page starts with its own
// content rather than eleven links. On wider screens the button is hidden by CSS and the
// navigation is always shown (the open state only matters at narrow widths).
export function NavMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);

  // Following a link closes the menu: state adjusted while rendering when the path changes
  // (React's pattern for "reset on prop change"), not in an effect after a stale paint.
  const [shownPath, setShownPath] = useState(pathname);
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(false);
  }

  // Escape closes it from anywhere (the focus may be on the button or inside the menu) and
  // returns the focus to the button, as a disclosure menu should.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn nav-menu-button"
        aria-expanded={open}
        aria-controls="console-nav"
        onClick={() => setOpen((v) => !v)}
      >
        <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
          <path d="M2 4.5h14M2 9h14M2 13.5h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        {label}
      </button>
      <div id="console-nav" className="sidebar-nav" data-open={open}>
        {children}
      </div>
    </>
  );
}
