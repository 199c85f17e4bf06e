import { describe, expect, it } from 'vitest';
import { quantize } from './timeSteps';

describe('quantize (markers that follow the clock move by the pixel)', () => {
  it('rounds down to whole steps of until / steps, and keeps the end', () => {
    const day = 24 * 3_600_000;
    expect(quantize(0, day, 1440)).toBe(0);
    expect(quantize(59_999, day, 1440)).toBe(0); // a step is 60 s of a 24 h run on 1,440 px
    expect(quantize(60_000, day, 1440)).toBe(60_000);
    expect(quantize(61_234, day, 1440)).toBe(60_000);
    expect(quantize(day, day, 1440)).toBe(day);
  });

  it('never steps by less than a millisecond', () => {
    expect(quantize(1234, 1000_000, 4_000_000)).toBe(1234);
  });
});
