// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEBOUNCE_MS, useDraft } from './use-draft.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const setup = (committed: string) => {
  const commit = vi.fn();
  const hook = renderHook(({ value }) => useDraft(value, commit), {
    initialProps: { value: committed },
  });
  return { commit, hook };
};

describe('useDraft', () => {
  it('commits once, after the user pauses typing', () => {
    const { commit, hook } = setup('');
    act(() => hook.result.current[1]('ja'));
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS - 1));
    act(() => hook.result.current[1]('jazz'));
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS - 1));
    expect(commit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(commit).toHaveBeenCalledExactlyOnceWith('jazz');
  });

  it('keeps a trailing space while the trimmed commit echoes back', () => {
    const { hook } = setup('');
    act(() => hook.result.current[1]('rock '));
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    hook.rerender({ value: 'rock' });
    expect(hook.result.current[0]).toBe('rock ');
  });

  it('follows changes made elsewhere, like Clear filters or Back', () => {
    const { commit, hook } = setup('Lyon');
    hook.rerender({ value: '' });
    expect(hook.result.current[0]).toBe('');
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    expect(commit).not.toHaveBeenCalled();
  });
});
