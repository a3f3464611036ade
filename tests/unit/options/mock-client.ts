// `send` for the options page under test. Kept free of app imports: vi.mock's factory loads it
// while the app's modules are still loading.
import type { ToBackground } from '@/utils/messages/to-background';

export const background: { send: (msg: ToBackground) => Promise<unknown> } = {
  send: async () => {
    throw new Error('no background scripted');
  },
};

export const clientModule = {
  send: (msg: ToBackground) => background.send(msg),
  BackgroundError: class BackgroundError extends Error {},
};
