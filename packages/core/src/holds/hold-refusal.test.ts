// One function gives script statuses their meaning; callers rely on the codes and seat ids.
import { describe, expect, it } from 'vitest';
import { AppErrorCode } from '@tessera/contracts/errors';
import { assertScriptSucceeded, HoldRefusedError } from './hold-refusal.ts';

const refusalOf = (reply: Array<number | string>) => {
  try {
    assertScriptSucceeded(reply);
  } catch (error) {
    return error as HoldRefusedError;
  }
  throw new Error('expected a refusal');
};

describe('assertScriptSucceeded', () => {
  it('passes successful replies through', () => {
    expect(assertScriptSucceeded([0])).toEqual([0]);
    expect(assertScriptSucceeded([7, 123])).toEqual([7, 123]);
  });

  it('names the seats in the way of a seat refusal', () => {
    const error = refusalOf([-1, '12', '13']);
    expect(error).toBeInstanceOf(HoldRefusedError);
    expect(error.refusal).toBe('SEAT_TAKEN');
    expect(error.code).toBe(AppErrorCode.SEAT_TAKEN);
    expect(error.seatIds).toEqual([12, 13]);
    expect(error.toData().seatIds).toEqual([12, 13]);
  });

  it('maps refusals without their own AppErrorCode to the nearest one', () => {
    expect(refusalOf([-6, '4']).code).toBe(AppErrorCode.CONFLICT);
    expect(refusalOf([-7]).code).toBe(AppErrorCode.SERVICE_UNAVAILABLE);
    expect(refusalOf([-2, 4, 4]).seatIds).toEqual([]);
  });

  it('rejects a status it does not know', () => {
    expect(() => assertScriptSucceeded([-99])).toThrow('unknown status -99');
  });
});
