import { useState, type KeyboardEvent } from 'react'
import { PASSWORD_MASK, SOURCE_KINDS, type SourceSettings } from '../../../../shared/settings'
import { Field } from './field'
import {
  emptySourceForm,
  formFromSource,
  SOURCE_KIND_LABELS,
  sourceFromForm,
  type SourceForm,
} from './source-form'

interface EditorProps {
  /** The source being edited; null adds a new one. */
  base: SourceSettings | null
  otherIds: readonly string[]
  onApply: (entry: SourceSettings) => void
  onCancel: () => void
}

/** Adds or edits one source in the draft; the settings' Save button stores it. */
export function SourceEditor({ base, otherIds, onApply, onCancel }: EditorProps) {
  const [form, setForm] = useState<SourceForm>(() =>
    base ? formFromSource(base) : emptySourceForm('subsonic'),
  )
  const [error, setError] = useState<string | null>(null)
  const update = (fields: Partial<SourceForm>) => {
    setForm((current) => ({ ...current, ...fields }))
    setError(null)
  }
  const apply = () => {
    const result = sourceFromForm(form, base, otherIds)
    if ('error' in result) setError(result.error)
    else onApply(result.entry)
  }
  // Enter in a field applies this source instead of submitting the whole settings form.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault()
      apply()
    }
  }

  return (
    <div
      className="source-editor"
      role="group"
      aria-label={base ? `Edit source ${base.id}` : 'New source'}
      onKeyDown={onKeyDown}
    >
      <div className="settings-grid">
        <Field label="Type">
          {({ id }) => (
            <select
              id={id}
              data-testid="source-type-select"
              value={form.type}
              onChange={(event) => {
                const type = event.currentTarget.value as SourceForm['type']
                update({ ...emptySourceForm(type), id: form.id })
              }}
            >
              {SOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {SOURCE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Id" hint="Names the source in lists and logs.">
          {({ id, describedBy }) => (
            <input
              id={id}
              data-testid="source-id-input"
              spellCheck={false}
              value={form.id}
              aria-describedby={describedBy}
              onChange={(event) => update({ id: event.currentTarget.value })}
            />
          )}
        </Field>
        {form.type === 'subsonic' && <SubsonicFields form={form} update={update} />}
        {form.type === 'command' && <CommandFields form={form} update={update} />}
        {form.type === 'local' && <LocalFields form={form} update={update} />}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="source-editor-actions">
        <button type="button" className="primary" data-testid="source-save" onClick={apply}>
          {base ? 'Apply' : 'Add'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}

interface FieldsProps {
  form: SourceForm
  update: (fields: Partial<SourceForm>) => void
}

function SubsonicFields({ form, update }: FieldsProps) {
  const masked = form.password === PASSWORD_MASK
  return (
    <>
      <Field label="Server URL">
        {({ id }) => (
          <input
            id={id}
            data-testid="source-url-input"
            type="url"
            placeholder="https://music.example.org"
            spellCheck={false}
            value={form.url}
            onChange={(event) => update({ url: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label="User">
        {({ id }) => (
          <input
            id={id}
            data-testid="source-user-input"
            autoComplete="off"
            spellCheck={false}
            value={form.user}
            onChange={(event) => update({ user: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label="Password" hint={masked ? 'Stored; type a new one to change it.' : undefined}>
        {({ id, describedBy }) => (
          <input
            id={id}
            data-testid="source-password-input"
            type="password"
            autoComplete="new-password"
            value={form.password}
            aria-describedby={describedBy}
            onFocus={(event) => masked && event.currentTarget.select()}
            onChange={(event) => update({ password: event.currentTarget.value })}
          />
        )}
      </Field>
    </>
  )
}

function CommandFields({ form, update }: FieldsProps) {
  return (
    <>
      <Field
        label="Command"
        hint="The program on the first line, then one argument per line; {query}, {title}, {artist}, {album} and {location} are filled in."
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            data-testid="source-command-input"
            rows={4}
            spellCheck={false}
            placeholder={'yt-dlp\n-j\nytsearch1:{query}'}
            value={form.command}
            aria-describedby={describedBy}
            onChange={(event) => update({ command: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label="Timeout (ms)">
        {({ id }) => (
          <input
            id={id}
            type="number"
            min={100}
            max={3_600_000}
            value={form.timeoutMs}
            onChange={(event) => update({ timeoutMs: event.currentTarget.value })}
          />
        )}
      </Field>
    </>
  )
}

function LocalFields({ form, update }: FieldsProps) {
  return (
    <>
      <Field label="Folders" hint="One folder per line, as this machine names it.">
        {({ id, describedBy }) => (
          <textarea
            id={id}
            data-testid="source-roots-input"
            rows={3}
            spellCheck={false}
            value={form.roots}
            aria-describedby={describedBy}
            onChange={(event) => update({ roots: event.currentTarget.value })}
          />
        )}
      </Field>
      <label className="field-toggle">
        <input
          type="checkbox"
          data-testid="source-link-input"
          checked={form.link}
          onChange={(event) => update({ link: event.currentTarget.checked })}
        />
        Hard-link files instead of copying (same disk only)
      </label>
    </>
  )
}
