// `send` for the popup under test: each test file points `background.send` at its script.
import { vi } from 'vitest';
import type { ToBackground } from '@/utils/messages/to-background';

export const background: { send: (msg: ToBackground) => Promise<unknown> } = {
  send: vi.fn(async () => {
    throw new Error('no background scripted');
  }),
};

export const clientModule = {
  send: (msg: ToBackground) => background.send(msg),
  BackgroundError: class BackgroundError extends Error {},
};
