import { arrayMove } from '@dnd-kit/sortable'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SettingsView, SourceSettings } from '../../../shared/settings'
import type { Bridge } from '../bridge'
import { jsonEqual } from '../model/json-equal'
import {
  draftFromSettings,
  newSourceKey,
  settingsPatch,
  type DraftErrors,
  type SettingsDraft,
} from '../model/settings-draft'
import { debounce } from './timing'

export const LAYOUT_EXAMPLE_DELAY_MS = 200
const FIX_FIELDS = 'Some fields need fixing before saving: see the messages next to them.'

export interface SourceTest {
  state: 'testing' | 'ok' | 'failed'
  message: string
}

type DraftFields = Omit<SettingsDraft, 'sources'>

export interface SettingsState {
  saved: SettingsView | null
  /** The draft as loaded or last saved: the draft differs from it when there are edits. */
  initial: SettingsDraft | null
  draft: SettingsDraft | null
  loadError: string | null
  saveError: string | null
  fieldErrors: DraftErrors
  saving: boolean
  /** True from a successful save until the next edit. */
  justSaved: boolean
  example: { path: string | null; error: string | null }
  /** Test results by source key. */
  tests: Record<string, SourceTest>
  api: {
    load(): Promise<void>
    /** Loads the settings unless there are unsaved edits to come back to. */
    open(): Promise<void>
    edit(fields: Partial<DraftFields>): void
    /** Adds a source (`key` null) or replaces the one with `key`. */
    putSource(key: string | null, entry: SourceSettings): void
    removeSource(key: string): void
    moveSource(from: number, to: number): void
    testSource(key: string): Promise<void>
    reset(): void
    save(): Promise<void>
    /** Drops pending work when the screen closes; the draft stays. */
    dispose(): void
  }
}

export type SettingsStore = StoreApi<SettingsState>

export const isDirty = (state: Pick<SettingsState, 'draft' | 'initial'>): boolean =>
  !jsonEqual(state.draft, state.initial)

/** The settings form: the saved settings, the edits on top, and the live layout example. */
export function createSettingsStore(bridge: Bridge): SettingsStore {
  // Example replies come back out of order; only the newest request's reply counts.
  let exampleRequest = 0
  const testRequests = new Map<string, number>()

  return createStore<SettingsState>()((set, get) => {
    const showExample = async (layout: string): Promise<void> => {
      const mine = ++exampleRequest
      if (!layout.includes('{title}')) {
        return set({ example: { path: null, error: 'The layout must contain {title}' } })
      }
      const result = await bridge.invoke('settings:layout-example', { layout })
      if (mine !== exampleRequest) return
      set({
        example: result.ok
          ? { path: result.value.path, error: null }
          : { path: null, error: result.error },
      })
    }
    const previewLayout = debounce(
      (layout: string) => void showExample(layout),
      LAYOUT_EXAMPLE_DELAY_MS,
    )

    const loadSettings = (settings: SettingsView, keys?: string[]) => {
      const draft = draftFromSettings(settings, keys)
      set({ saved: settings, initial: draft, draft, fieldErrors: {} })
      void showExample(draft.layout)
    }

    const editSources = (
      change: (sources: SettingsDraft['sources']) => SettingsDraft['sources'],
    ) => {
      const { draft } = get()
      if (!draft) return
      set({
        draft: { ...draft, sources: change(draft.sources) },
        justSaved: false,
        saveError: null,
      })
    }

    return {
      saved: null,
      initial: null,
      draft: null,
      loadError: null,
      saveError: null,
      fieldErrors: {},
      saving: false,
      justSaved: false,
      example: { path: null, error: null },
      tests: {},
      api: {
        async load() {
          const result = await bridge.invoke('settings:get')
          if (!result.ok) return set({ loadError: result.error })
          set({ loadError: null })
          loadSettings(result.value)
        },
        async open() {
          const { draft } = get()
          if (!draft || !isDirty(get())) return get().api.load()
          // A layout example still on its way when the screen closed was dropped.
          await showExample(draft.layout)
        },
        edit(fields) {
          const { draft, fieldErrors } = get()
          if (!draft) return
          // An edited field's old error no longer applies.
          const cleared = Object.fromEntries(
            Object.entries(fieldErrors).filter(([key]) => !(key in fields)),
          )
          const fixed = get().saveError === FIX_FIELDS && Object.keys(cleared).length === 0
          set({ draft: { ...draft, ...fields }, fieldErrors: cleared, justSaved: false })
          if (fixed) set({ saveError: null })
          if (fields.layout !== undefined) previewLayout(fields.layout)
        },
        putSource(key, entry) {
          editSources((sources) =>
            key === null
              ? [...sources, { key: newSourceKey(), originalId: null, entry }]
              : sources.map((source) => (source.key === key ? { ...source, entry } : source)),
          )
        },
        removeSource(key) {
          editSources((sources) => sources.filter((source) => source.key !== key))
        },
        moveSource(from, to) {
          const count = get().draft?.sources.length ?? 0
          if (from === to || to < 0 || to >= count) return
          editSources((sources) => arrayMove(sources, from, to))
        },
        async testSource(key) {
          const source = get().draft?.sources.find((s) => s.key === key)
          if (!source) return
          const mine = (testRequests.get(key) ?? 0) + 1
          testRequests.set(key, mine)
          const put = (test: SourceTest) =>
            set(({ tests }) => ({ tests: { ...tests, [key]: test } }))
          put({ state: 'testing', message: 'Testing…' })
          const result = await bridge.invoke('sources:test', source.entry)
          if (testRequests.get(key) !== mine) return
          if (!result.ok) return put({ state: 'failed', message: result.error })
          put({ state: result.value.ok ? 'ok' : 'failed', message: result.value.message })
        },
        reset() {
          const { initial } = get()
          set({ draft: initial, fieldErrors: {}, saveError: null })
          if (initial) previewLayout(initial.layout)
        },
        async save() {
          const { saved, draft } = get()
          if (!saved || !draft) return
          const checked = settingsPatch(saved, draft)
          if ('errors' in checked) {
            return set({ fieldErrors: checked.errors, saveError: FIX_FIELDS })
          }
          if (Object.keys(checked.patch).length === 0) return set({ justSaved: true })
          set({ saving: true, saveError: null, justSaved: false })
          const result = await bridge.invoke('settings:set', checked.patch)
          set({ saving: false })
          if (!result.ok) return set({ saveError: result.error })
          // Keep the rows' keys so test results stay next to their sources.
          loadSettings(
            result.value,
            draft.sources.map((source) => source.key),
          )
          set({ justSaved: true })
        },
        dispose() {
          previewLayout.cancel()
          exampleRequest++
        },
      },
    }
  })
}
