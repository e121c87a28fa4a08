// An inline SVG, not a symbol character: a glyph such as ⧉ is missing from many fonts (it showed
// as an empty box on machines without an emoji/symbol font), while SVG draws the same everywhere.
export function DigestIcon({ label }: { label: string }) {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 16 16" role="img" aria-label={label} focusable="false">
      <title>{label}</title>
      <rect x="1.5" y="4.5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.5 2.5h7a1.5 1.5 0 0 1 1.5 1.5v7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
