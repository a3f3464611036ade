// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { resetPolicy, scriptBackground, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => {
  useChineseMessages();
  resetPolicy();
  location.hash = '#policy';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('options: policy', () => {
  it('says when no policy is set', async () => {
    scriptBackground({});
    render(<OptionsApp />);
    expect(await screen.findByText('未设置管理员策略。')).toBeTruthy();
  });

  it('shows what the policy sets and locks', async () => {
    scriptBackground({
      'policy/get': () => ({
        policy: { sites: ['http://oa.example.gov.cn'], catalog: DEFAULT_CATALOG, settings: { period: 'month' }, lockedSettings: ['period'] },
        error: null,
      }),
    });
    render(<OptionsApp />);
    expect(await screen.findByText('http://oa.example.gov.cn')).toBeTruthy();
    expect(screen.getByText(`由策略提供（版本 ${DEFAULT_CATALOG.version}，${DEFAULT_CATALOG.actions.length} 个党建动作），不能编辑`)).toBeTruthy();
    expect(screen.getByText('"month"')).toBeTruthy();
    expect(screen.getByText('部分设置由管理员策略管理')).toBeTruthy();
  });

  it('shows why an invalid policy was ignored', async () => {
    scriptBackground({ 'policy/get': () => ({ policy: {}, error: '策略格式无效，已忽略 / Invalid policy ignored: x' }) });
    render(<OptionsApp />);
    expect((await screen.findByRole('alert')).textContent).toBe('策略格式无效，已忽略 / Invalid policy ignored: x');
  });
});

describe('options: about', () => {
  it('shows the version and where the data lives', async () => {
    location.hash = '#about';
    scriptBackground({});
    render(<OptionsApp />);
    expect(await screen.findByText('0.1.0')).toBeTruthy();
    expect(screen.getByText(/IndexedDB/).textContent).toContain('从不保存到任何服务器');
  });
});
