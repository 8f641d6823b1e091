import { useId, type ReactElement, type ReactNode } from 'react'

interface FieldProps {
  label: string
  hint?: ReactNode
  error?: string | undefined
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactElement
}

/** A labelled form control with an optional hint and its error, announced with it. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId()
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  )
}

/** A checkbox with its label after it and a hint below. */
export function Toggle({
  label,
  hint,
  checked,
  testId,
  onChange,
}: {
  label: string
  hint?: string
  checked: boolean
  testId: string
  onChange: (checked: boolean) => void
}) {
  const id = useId()
  return (
    <div className="field field-toggle">
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  )
}
