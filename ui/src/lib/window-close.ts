// Asks before the window closes with unsaved edits, through the same guard as switching
// profiles. Outside a Tauri window (browser tests) there is nothing to guard.
import { getCurrentWindow } from '@tauri-apps/api/window';

export async function guardWindowClose(mayClose: () => Promise<boolean>): Promise<void> {
  try {
    await getCurrentWindow().onCloseRequested(async (event) => {
      if (!(await mayClose())) event.preventDefault();
    });
  } catch {
    // Not running in a Tauri window.
  }
}
