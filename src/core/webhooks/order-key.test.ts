import { describe, expect, it } from 'vitest';
import { byOrder, orderKey } from './order-key';

describe('orderKey', () => {
  it('pads commit time to 15 digits, project to 12 and sequence to 10, joined by dots', () => {
    expect(orderKey(1_765_000_000_000, '10000', 7)).toEqual('001765000000000.000000010000.0000000007');
  });

  it('drops the fraction of a commit time', () => {
    expect(orderKey(1234.9, '1', 1)).toEqual('000000000001234.000000000001.0000000001');
  });

  it('keeps wider values whole instead of cutting them', () => {
    expect(orderKey(1e15, '1234567890123', 12_345_678_901)).toEqual('1000000000000000.1234567890123.12345678901');
  });

  it('sorts as text in the order of time, then project, then sequence', () => {
    const keys = [orderKey(20, '2', 1), orderKey(10, '10', 1), orderKey(10, '9', 2), orderKey(10, '9', 10), orderKey(9, '100', 3)];
    expect([...keys].sort()).toEqual([keys[4], keys[2], keys[3], keys[1], keys[0]]);
  });

  it('byOrder sorts deliveries by order key in code-unit order, ties kept', () => {
    const items = ['b', 'a.1', 'a', 'a.0', 'A', 'b'].map((order, i) => ({ order, i }));
    expect([...items].sort(byOrder).map((x) => `${x.order}#${x.i}`)).toEqual(['A#4', 'a#2', 'a.0#3', 'a.1#1', 'b#0', 'b#5']);
  });
});
