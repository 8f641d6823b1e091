import { Menu, Tray, type MenuItemConstructorOptions } from 'electron'
import { trayMenu, type TrayAction, type TrayStatus } from './tray-menu'

/** A failing action (say, a start with nothing to sync) is logged, not thrown at Electron. */
const guarded = (action: () => void) => () => {
  try {
    action()
  } catch (error) {
    console.error('catalogsync: the tray action failed:', error)
  }
}

/** The tray icon; returns the function that redraws its menu and tooltip for a new status. */
export function createTray(
  iconPath: string,
  actions: Record<TrayAction, () => void>,
): { tray: Tray; render: (status: TrayStatus) => void } {
  const tray = new Tray(iconPath)
  const render = (status: TrayStatus) => {
    const view = trayMenu(status)
    const template = view.items.map((item): MenuItemConstructorOptions =>
      item.type === 'separator'
        ? { type: 'separator' }
        : {
            label: item.label,
            enabled: item.enabled,
            ...(item.action ? { click: guarded(actions[item.action]) } : {}),
          },
    )
    tray.setToolTip(view.tooltip)
    tray.setContextMenu(Menu.buildFromTemplate(template))
  }
  return { tray, render }
}
