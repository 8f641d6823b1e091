import { describe, expect, it } from 'vitest'
import {
  progressOf,
  trayMenu,
  trayTooltip,
  type TrayStatus,
} from '../../../src/main/electron/tray-menu'
import type { JobState } from '../../../src/shared/states'

const status = (jobState: JobState | null): TrayStatus => ({
  jobState,
  speed: 3_200_000,
  done: 412,
  total: 1000,
})

const syncItem = (jobState: JobState | null) => trayMenu(status(jobState)).items[1]

describe('the tray menu', () => {
  it('offers Start when no sync is unfinished', () => {
    for (const state of [null, 'succeeded', 'failed', 'canceled'] as const) {
      expect(syncItem(state)).toEqual({
        type: 'normal',
        label: 'Start',
        enabled: true,
        action: 'start',
      })
    }
  })

  it('offers Pause all while running, nothing while pausing, Resume when paused', () => {
    expect(syncItem('running')).toMatchObject({
      label: 'Pause all',
      action: 'pause',
      enabled: true,
    })
    expect(syncItem('pending')).toMatchObject({ label: 'Pause all', action: 'pause' })
    expect(syncItem('pause_requested')).toEqual({
      type: 'normal',
      label: 'Pausing…',
      enabled: false,
    })
    expect(syncItem('paused')).toMatchObject({ label: 'Resume', action: 'resume', enabled: true })
  })

  it('always has a status line, Open window and Quit', () => {
    const { items } = trayMenu(status('running'))
    expect(items[0]).toEqual({ type: 'normal', label: '3.20 MB/s · 412/1,000', enabled: false })
    expect(items.slice(2)).toEqual([
      { type: 'separator' },
      { type: 'normal', label: 'Open window', enabled: true, action: 'open' },
      { type: 'normal', label: 'Quit', enabled: true, action: 'quit' },
    ])
  })
})

describe('the tray tooltip', () => {
  it('shows speed and progress while a sync runs', () => {
    expect(trayTooltip(status('running'))).toBe('CatalogSync — 3.20 MB/s · 412/1,000')
  })

  it('shows the progress of a paused sync, and idle otherwise', () => {
    expect(trayTooltip(status('paused'))).toBe('CatalogSync — paused · 412/1,000')
    expect(trayTooltip(status('pause_requested'))).toBe('CatalogSync — pausing · 412/1,000')
    expect(trayTooltip(status('succeeded'))).toBe('CatalogSync — idle')
    expect(trayTooltip(status(null))).toBe('CatalogSync — idle')
  })

  it('counts final items as done', () => {
    const counts = {
      pending: 5,
      resolving: 1,
      ready: 2,
      downloading: 2,
      succeeded: 7,
      failed: 2,
      skipped: 1,
    }
    expect(progressOf(counts)).toEqual({ done: 10, total: 20 })
  })
})
