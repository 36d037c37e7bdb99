import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../../src/engine/network/heap';
import { mulberry32 } from '../../../src/engine/prng';

describe('MinHeap', () => {
  it('pops keys in ascending order, growing past its initial capacity', () => {
    const rand = mulberry32(7);
    const heap = new MinHeap(2);
    const keys: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const key = Math.floor(rand() * 1000) / 7;
      keys.push(key);
      heap.push(i, key);
    }
    expect(heap.size).toBe(5000);
    const popped: number[] = [];
    const seen = new Set<number>();
    while (heap.size > 0) {
      const key = heap.peekKey() as number;
      const id = heap.pop() as number;
      expect(keys[id]).toBe(key);
      seen.add(id);
      popped.push(key);
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
    expect(seen.size).toBe(5000);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peekKey()).toBeUndefined();
  });

  it('interleaves pushes and pops like a sorted list', () => {
    const rand = mulberry32(8);
    const heap = new MinHeap();
    const reference: number[] = [];
    for (let i = 0; i < 3000; i++) {
      if (rand() < 0.6 || reference.length === 0) {
        const key = rand();
        heap.push(i, key);
        reference.push(key);
        reference.sort((a, b) => a - b);
      } else {
        expect(heap.peekKey()).toBe(reference.shift());
        heap.pop();
      }
    }
    expect(heap.size).toBe(reference.length);
  });

  it('rejects a bad capacity', () => {
    expect(() => new MinHeap(0)).toThrow(/0/);
  });
});
