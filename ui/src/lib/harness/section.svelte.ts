// Which section of the Test tab is shown, outside the component so another section can move
// there ("Edit and resend" in History opens the Send or Webitel form).
export type Section = 'send' | 'receive' | 'webitel' | 'transcript' | 'history' | 'burst' | 'lab';

class HarnessSection {
  current = $state<Section>('send');
}

export const harnessSection = new HarnessSection();
