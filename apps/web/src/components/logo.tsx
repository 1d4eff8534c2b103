/** The product mark: a rice ear over a shared field, in the colours of the favicon. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo-mark">
      <rect width="32" height="32" rx="8" fill="#0f6b4f" />
      <path
        d="M16 6c-3.5 3-5 6.3-5 9.6 0 2.6 1.3 4.4 3.4 5.4L16 26l1.6-5c2.1-1 3.4-2.8 3.4-5.4C21 12.3 19.5 9 16 6z"
        fill="#f4c542"
      />
      <path d="M16 10v13" stroke="#0f6b4f" strokeWidth="1.6" strokeLinecap="round" />
      <path
        d="M8 24c2.5-1.6 5-2.2 8-2.2s5.5.6 8 2.2"
        fill="none"
        stroke="#fff"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}
