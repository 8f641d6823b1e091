import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { AppService } from '../core/service'
import { describeDrop, importDropped, previewDropped } from './drop-import'

type ImportCalls = Pick<AppService, 'previewFile' | 'importFile'>

const EXPORT_FILTERS = [
  { name: 'Playlist exports', extensions: ['csv', 'json', 'xml', 'xspf', 'jspf', 'm3u', 'm3u8'] },
  { name: 'All files', extensions: ['*'] },
]

function showBox(window: BrowserWindow | null, options: MessageBoxOptions) {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)
}

async function pickExports(window: BrowserWindow | null): Promise<string[]> {
  const options = {
    title: 'Import playlist exports',
    properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
    filters: EXPORT_FILTERS,
  }
  const picked = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  return picked.canceled ? [] : picked.filePaths
}

/** The "Import…" menu item: pick files, show what would change, import on confirmation. */
export async function importWithDialog(service: ImportCalls, window: BrowserWindow | null) {
  const paths = await pickExports(window)
  if (paths.length === 0) return
  const preview = await previewDropped(service, paths)
  if (preview.accepted.length === 0) {
    await showBox(window, {
      type: 'warning',
      message: 'Nothing to import',
      detail: describeDrop(preview),
    })
    return
  }
  const { response } = await showBox(window, {
    type: 'question',
    buttons: ['Import', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: 'Import these playlists?',
    detail: describeDrop(preview),
  })
  if (response !== 0) return
  const done = await importDropped(service, paths)
  await showBox(window, { type: 'info', message: 'Import finished', detail: describeDrop(done) })
}
