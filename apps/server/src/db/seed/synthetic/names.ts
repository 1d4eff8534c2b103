import type { Rng } from './rng.ts';

// Vietnamese personal names: family name, middle name(s), given name. Weights are rough
// shares of the population, tilted to the north (Hoàng over Huỳnh, Vũ over Võ) because the
// first scale is Hanoi. Tone marks follow the older placement (Hòa, Thủy), as the admin data does.

export type Gender = 'male' | 'female';

export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 1],
  ['Phan', 4.5],
  ['Vũ', 3],
  ['Võ', 1],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
];

const MIDDLE: Record<Gender, readonly (readonly [string, number])[]> = {
  male: [
    ['Văn', 30],
    ['Đức', 10],
    ['Minh', 9],
    ['Quốc', 6],
    ['Hữu', 6],
    ['Thanh', 5],
    ['Xuân', 4],
    ['Công', 4],
    ['Ngọc', 3],
    ['Tuấn', 3],
    ['Đình', 5],
    ['Quang', 5],
    ['Trọng', 3],
    ['Mạnh', 3],
    ['Gia', 2],
    ['Anh', 2],
  ],
  female: [
    ['Thị', 45],
    ['Thu', 7],
    ['Ngọc', 7],
    ['Thanh', 6],
    ['Minh', 5],
    ['Hồng', 5],
    ['Phương', 4],
    ['Mai', 3],
    ['Kim', 4],
    ['Khánh', 3],
    ['Bảo', 2],
    ['Diệu', 2],
    ['Thùy', 4],
    ['Hải', 2],
  ],
};

/** A second middle name after "Thị" (Nguyễn Thị Thu Hà), common among women. */
const SECOND_MIDDLE_AFTER_THI = ['Thu', 'Minh', 'Thanh', 'Ngọc', 'Hồng', 'Kim', 'Phương', 'Thùy'] as const;

const GIVEN: Record<Gender, readonly string[]> = {
  male: [
    'An',
    'Anh',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Đức',
    'Hải',
    'Hiếu',
    'Hiệp',
    'Hoàng',
    'Hùng',
    'Hưng',
    'Huy',
    'Khánh',
    'Khoa',
    'Kiên',
    'Lâm',
    'Lộc',
    'Long',
    'Minh',
    'Nam',
    'Nghĩa',
    'Phong',
    'Phúc',
    'Quân',
    'Quang',
    'Sơn',
    'Tài',
    'Thắng',
    'Thành',
    'Thịnh',
    'Tiến',
    'Toàn',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
  ],
  female: [
    'Anh',
    'Chi',
    'Dung',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hồng',
    'Hương',
    'Huyền',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Ngọc',
    'Nhung',
    'Oanh',
    'Phương',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Thơ',
    'Thu',
    'Thủy',
    'Trang',
    'Trinh',
    'Uyên',
    'Vân',
    'Yến',
  ],
};

export type PersonName = { gender: Gender; family: string; middle: string[]; given: string; full: string };

/** Draws one plausible full name, re-drawing a given name that repeats a middle one ("Ngọc Ngọc"). */
export function drawPersonName(rng: Rng): PersonName {
  const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
  const family = rng.weighted(FAMILY_NAMES);
  const middle = [rng.weighted(MIDDLE[gender])];
  if (middle[0] === 'Thị' && rng.chance(0.25)) middle.push(rng.pick(SECOND_MIDDLE_AFTER_THI));
  let given = rng.pick(GIVEN[gender]);
  // Bounded: the given-name lists are far longer than the few middle names to avoid.
  for (let i = 0; i < 8 && middle.includes(given); i++) given = rng.pick(GIVEN[gender]);
  const full = [family, ...middle, given].join(' ').normalize('NFC');
  return { gender, family, middle, given, full };
}
