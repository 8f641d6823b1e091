import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Bridge } from '../bridge'
import type { ImportSummary } from '../../../shared/contract'
import { importFiles } from '../model/import-files'

export type ImportPhase = 'idle' | 'previewing' | 'preview' | 'applying' | 'done'

export interface ImportState {
  phase: ImportPhase
  files: File[]
  /** What the files would do (in `preview`) or did (in `done`). */
  summaries: ImportSummary[]
  /** One message per refused file, naming it. */
  problems: string[]
  api: {
    preview(files: readonly File[]): Promise<void>
    confirm(): Promise<ImportSummary[]>
    /** Cancels a preview, or dismisses the summary. */
    close(): void
  }
}

const IDLE = { phase: 'idle', files: [], summaries: [], problems: [] } as const

export type ImportStore = StoreApi<ImportState>

/** The import a person is looking at: picked or dropped files, their preview, then the result. */
export function createImportStore(bridge: Bridge): ImportStore {
  let attempt = 0
  return createStore<ImportState>()((set, get) => ({
    ...IDLE,
    files: [],
    summaries: [],
    problems: [],
    api: {
      async preview(files) {
        const mine = ++attempt
        set({ phase: 'previewing', files: [...files], summaries: [], problems: [] })
        const outcome = await importFiles(bridge, 'preview', files)
        // A cancel or a newer drop while this one was read makes its answer moot.
        if (mine !== attempt || get().phase !== 'previewing') return
        set({ phase: 'preview', summaries: outcome.accepted, problems: outcome.problems })
      },
      async confirm() {
        const { files, summaries } = get()
        // Refused files stay out; only files whose preview worked are imported.
        const wanted = new Set(summaries.map((summary) => summary.file))
        const usable = bridge.dropFiles ? files : files.filter((file) => wanted.has(file.name))
        const mine = ++attempt
        set({ phase: 'applying' })
        const outcome = await importFiles(bridge, 'apply', usable)
        if (mine !== attempt) return outcome.accepted
        set({ phase: 'done', summaries: outcome.accepted, problems: outcome.problems })
        return outcome.accepted
      },
      close() {
        attempt++
        set({ ...IDLE, files: [], summaries: [], problems: [] })
      },
    },
  }))
}
