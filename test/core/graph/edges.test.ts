import { sortByIds } from '../../../src/core/graph/edges.js';

describe('sortByIds', () => {
  // Twenty ids, more than the insertion sort's handful: the fan-in path.
  const ids = Array.from(
    { length: 20 },
    (_, index) => `account/region-${String(index).padStart(2, '0')}/network`,
  );
  const sortedIds = (list: Int32Array, from: number, to: number) =>
    Array.from(list.subarray(from, to), (position) => ids[position]);

  it.each([
    ['in id order already', Array.from({ length: 20 }, (_, index) => index)],
    ['in reverse order', Array.from({ length: 20 }, (_, index) => 19 - index)],
    ['in order but for the last', [...Array.from({ length: 19 }, (_, index) => index + 1), 0]],
    ['a handful, out of order', [3, 1, 2]],
  ])('sorts a list %s by id, leaving the rest of the array alone', (_, positions) => {
    const list = Int32Array.from([7, ...positions, 7]);
    sortByIds(list, 1, positions.length + 1, ids);
    expect(sortedIds(list, 1, positions.length + 1)).toEqual(
      positions.map((position) => ids[position]).sort(),
    );
    expect([list[0], list.at(-1)]).toEqual([7, 7]);
  });
});
