import { BestuurCreate, isValidKbo, normaliseKbo } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { kboFor } from '../src/seed/demo.js';

describe('enterprise number (KBO)', () => {
  it('accepts numbers whose last two digits are 97 minus the first eight mod 97', () => {
    // 0207.451.227 is a real enterprise number of a Belgian public body.
    expect(isValidKbo('0207451227')).toBe(true);
    expect(isValidKbo(kboFor(2071001))).toBe(true);
    expect(isValidKbo('0207451228')).toBe(false);
    expect(isValidKbo('2207451227')).toBe(false);
    expect(isValidKbo('020745122')).toBe(false);
  });

  it('takes the usual ways of writing it', () => {
    expect(normaliseKbo('BE 0207.451.227')).toBe('0207451227');
    const parsed = BestuurCreate.parse({
      kind: 'gemeente',
      name: 'Gemeente Proef',
      nisCode: '11001',
      kboNumber: '0207.451.227',
      population: 10,
      province: 'antwerpen',
    });
    expect(parsed.kboNumber).toBe('0207451227');
  });

  it('refuses a NIS code that is not five digits', () => {
    const r = BestuurCreate.safeParse({
      kind: 'gemeente',
      name: 'Gemeente Proef',
      nisCode: '1100',
      kboNumber: null,
      population: null,
      province: null,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['nisCode']);
  });
});
