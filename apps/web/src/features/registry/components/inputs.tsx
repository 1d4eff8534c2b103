import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';

/** Digits typed with or without separators ("12.000.000", "12 000 000") → 12000000; '' → null. */
export function parseWholeNumber(text: string, allowNegative = false): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const negative = allowNegative && trimmed.startsWith('-');
  const digits = trimmed.replace(/^-/, '').replace(/[\s.,_]/g, '');
  if (!/^\d+$/.test(digits)) return NaN;
  const value = Number(digits);
  return negative ? -value : value;
}

export interface NumberFieldProps {
  label: string;
  /** Unit shown after the label and in the formatted echo: "VND", "người". */
  unit?: string | undefined;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** A warning about a plausible mistake, shown under the field without blocking. */
  warning?: string | undefined;
  allowNegative?: boolean;
  name?: string;
  disabled?: boolean;
  readOnly?: boolean;
}

/**
 * A whole-number input that accepts Vietnamese thousands separators and echoes the value
 * formatted (vi-VN) under the field, so 12000000000 reads as "12.000.000.000 VND".
 */
export function NumberField({
  label,
  unit,
  value,
  onChange,
  error,
  hint,
  warning,
  allowNegative = false,
  name,
  disabled,
  readOnly,
}: NumberFieldProps) {
  const { i18n } = useTranslation();
  const parsed = parseWholeNumber(value, allowNegative);
  const readable = parsed !== null && !Number.isNaN(parsed);
  // A read-only figure is shown formatted in the box itself.
  const shown = readOnly && readable ? formatNumber(parsed, i18n.language) : value;
  const echo =
    !readOnly && readable && Math.abs(parsed) >= 1000
      ? `= ${formatNumber(parsed, i18n.language)}${unit ? ` ${unit}` : ''}`
      : null;
  const hints = [hint, echo].filter(Boolean);
  return (
    <div className={`number-field${warning ? ' number-field--warn' : ''}`}>
      <TextField
        label={unit ? `${label} (${unit})` : label}
        name={name}
        inputMode={allowNegative ? 'text' : 'numeric'}
        autoComplete="off"
        value={shown}
        disabled={disabled}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        hint={hints.length ? hints.map((h, i) => <span key={i}>{h} </span>) : undefined}
      />
      {warning ? (
        <p className="field__warning" role="note">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
