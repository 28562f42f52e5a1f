import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { toHttpError } from './errors.js';

describe('toHttpError', () => {
  it('answers revision_conflict with 409 and its stable code', () => {
    const conflict = new DomainError('revision_conflict', 'edited from revision 1, stored is 2', {
      baseRevision: 1,
      currentRevision: 2,
    });
    expect(toHttpError(conflict)).toEqual({
      status: 409,
      body: {
        error: { code: 'revision_conflict', message: 'edited from revision 1, stored is 2' },
      },
    });
  });
});
