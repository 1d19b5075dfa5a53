// The window's chrome the admin arranges: whether the gateway list beside an open card is
// collapsed (remembered between sessions, so a small window stays as it was left) and whether
// the shortcut list is open.
const COLLAPSED_KEY = 'textgate.listCollapsed';

function storedCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

class Layout {
  /** The gateway list is hidden while a card is open (the card takes the window). */
  listCollapsed = $state(storedCollapsed());
  shortcutsOpen = $state(false);

  toggleList() {
    this.setListCollapsed(!this.listCollapsed);
  }

  setListCollapsed(collapsed: boolean) {
    this.listCollapsed = collapsed;
    try {
      localStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
    } catch {
      // Not remembered: it still applies now.
    }
  }

  /** Ctrl/Cmd+F and `/`: the list's search, showing the list first when it was collapsed. */
  async focusSearch() {
    if (this.listCollapsed) this.setListCollapsed(false);
    // The list renders on the next frame once shown.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const search = document.getElementById('profile-search') as HTMLInputElement | null;
    search?.focus();
    search?.select();
  }
}

export const layout = new Layout();
