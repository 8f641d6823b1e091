import type { Locator } from 'playwright'

export interface DroppedFile {
  name: string
  content: string
  type?: string
}

/**
 * Drops a file the way a person does: the File is made inside the page and carried by one
 * DataTransfer through dragenter, dragover and drop, so the app's own handlers read it.
 */
export async function dropFile(target: Locator, file: DroppedFile): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle(({ name, content, type }) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], name, { type: type ?? '' }))
    return transfer
  }, file)
  try {
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await target.dispatchEvent(type, { dataTransfer })
    }
  } finally {
    await dataTransfer.dispose()
  }
}
