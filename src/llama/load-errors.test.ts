import { describe, expect, it } from 'vitest';
import { modelLoadError } from './load-errors.js';

describe('modelLoadError', () => {
  it('tells running out of memory apart from a damaged file, with what to do in both languages', () => {
    const memory = modelLoadError(
      '/models/big.gguf',
      new Error('A context size of 8192 is too large for the available RAM (including swap)'),
    );
    expect(memory.code).toBe('model_load_failed');
    expect(memory.text.en).toMatch(/Not enough memory to load the model big\.gguf/);
    expect(memory.hint?.en).toMatch(/smaller model.*SPRAVKA_LLM_CONTEXT/);
    expect(memory.hint?.ru).toMatch(/SPRAVKA_LLM_CONTEXT/);
    const damaged = modelLoadError('/models/x.gguf', new Error('Failed to load model'));
    expect(damaged.code).toBe('model_invalid');
    expect(damaged.hint?.en).toMatch(/download it again/);
  });
});
