// The Templates tab's live preview: the sample account the admin edits (kept between sessions)
// and, shortly after each keystroke, every template rendered by the Rust engine over it.
import type { SampleAccount } from '../bindings/SampleAccount';
import type { TemplateKey } from '../bindings/TemplateKey';
import type { TemplatePreview } from '../bindings/TemplatePreview';
import type { Templates } from '../bindings/Templates';
import { backend } from './backend';
import { errorText } from './messages-from-rust';

const STORAGE_KEY = 'textgate.sampleAccount';

function storedSample(): SampleAccount | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as SampleAccount) : null;
  } catch {
    return null;
  }
}

class TemplatePreviews {
  sample = $state<SampleAccount | null>(storedSample());
  byKey = $state<Partial<Record<TemplateKey, TemplatePreview>>>({});
  failure = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #round = 0;

  /** Renders `templates` soon; only the newest answer is kept. */
  schedule(templates: Templates, delayMs = 120) {
    clearTimeout(this.#timer);
    const snapshot = { ...templates };
    this.#timer = setTimeout(() => void this.#render(snapshot), delayMs);
  }

  async #render(templates: Templates) {
    const round = ++this.#round;
    try {
      this.sample ??= await backend.defaultSampleAccount();
      const previews = await backend.previewTemplates(templates, $state.snapshot(this.sample));
      if (round !== this.#round) return;
      this.byKey = Object.fromEntries(previews.map((p) => [p.key, p]));
      this.failure = null;
    } catch (error) {
      if (round === this.#round) this.failure = errorText(error);
    }
  }

  /** The admin changed the sample: remember it. */
  saveSample() {
    if (this.sample) localStorage.setItem(STORAGE_KEY, JSON.stringify($state.snapshot(this.sample)));
  }

  async resetSample() {
    localStorage.removeItem(STORAGE_KEY);
    this.sample = await backend.defaultSampleAccount();
  }
}

export const templatePreviews = new TemplatePreviews();
