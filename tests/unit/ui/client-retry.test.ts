// The pages' client: a closed channel, a missing receiver or "No SW" is asked again; a refusal or
// another error is not; after the last attempt the error says the background didn't answer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundError, isWorkerGone, send, setTransport } from '@/utils/ui/client';

afterEach(() => setTransport(null));

const GONE = [
  'Could not establish connection. Receiving end does not exist.',
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  'The message port closed before a response was received.',
  'No SW',
];

describe('send through a stopping worker', () => {
  it('asks again after each way the worker can be gone, then answers', async () => {
    for (const message of GONE) {
      expect(isWorkerGone(new Error(message))).toBe(true);
      let calls = 0;
      setTransport(async () => {
        calls++;
        if (calls < 3) throw new Error(message);
        return { ok: true, data: 'saved' };
      }, [0, 0, 0, 0]);
      await expect(send({ type: 'settings/get' })).resolves.toBe('saved');
      expect(calls).toBe(3);
    }
  });

  it('an empty answer (the worker stopped mid-answer) is asked again too', async () => {
    const transport = vi.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: true, data: 1 });
    setTransport(transport, [0, 0]);
    await expect(send({ type: 'settings/get' })).resolves.toBe(1);
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it('a refusal is not resent, nor an unrelated error', async () => {
    const refusal = vi.fn(async () => ({ ok: false, code: 'forbidden', error: '拒绝 / Refused' }));
    setTransport(refusal, [0, 0, 0]);
    await expect(send({ type: 'data/clear', confirm: '清空' })).rejects.toThrow('拒绝 / Refused');
    expect(refusal).toHaveBeenCalledTimes(1);
    const invalidated = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    setTransport(invalidated, [0, 0, 0]);
    await expect(send({ type: 'settings/get' })).rejects.toMatchObject({ code: 'failed' });
    expect(invalidated).toHaveBeenCalledTimes(1);
  });

  it('after the last attempt: code unreachable, a bilingual message', async () => {
    const gone = vi.fn(async () => {
      throw new Error(GONE[0]);
    });
    setTransport(gone, [0, 0, 0]);
    const error = (await send({ type: 'settings/get' }).catch((e: unknown) => e)) as BackgroundError;
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/后台.* \/ The background/);
    expect(gone).toHaveBeenCalledTimes(3);
  });
});
