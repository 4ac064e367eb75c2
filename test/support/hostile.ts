// Hostile values for fuzzing the API: wrong types, huge and deep values, prototype-pollution
// keys, SQL metacharacters, impossible dates and impossible ids. The big ones are built once, at
// first use, and shared, so a run spends its time in the core and not in building inputs.

/** Why a value is hostile; some kinds must always be refused where they land (see mustRefuse). */
export type HostileKind = 'type' | 'huge' | 'deep' | 'proto' | 'sql' | 'date' | 'id';

export interface Hostile {
  label: string;
  kind: HostileKind;
  value: unknown;
}

/** Built iteratively: a recursive builder would itself overflow the stack it is meant to test. */
export function deepObject(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

export function deepArray(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** Own properties named __proto__, constructor and prototype: only JSON.parse makes the first one. */
export const pollutingJson = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';

export function pollutingObject(): Record<string, unknown> {
  return JSON.parse(pollutingJson) as Record<string, unknown>;
}

/** The same object with the three keys added as own properties (spreading would drop __proto__). */
export function withPollutingKeys(base: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return pollutingObject();
  const rest = JSON.stringify(base).slice(1);
  return JSON.parse(rest === '}' ? pollutingJson : `${pollutingJson.slice(0, -1)},${rest}`) as unknown;
}

export const sqlStrings = [
  "'; DROP TABLE children; --",
  "' OR '1'='1",
  '"; DELETE FROM settings; --',
  "Robert'); DROP TABLE children;--",
  '%',
  '_',
  '%_%',
  '\\',
  '\0',
  'name\0hidden',
  '\ud800',
  'a\udc00b',
] as const;

export const impossibleDates = [
  '2024-02-30',
  '2023-02-29',
  '2026-13-01',
  '0000-00-00',
  '2026-11-27T25:00',
  ' 2026-11-27',
  '2026-11-27 ',
  '27/11/2026',
  '2026-1-1',
  '+002026-11-27',
] as const;

/**
 * A value as JSON text with `hostile` at `path`. JSON.stringify recurses, so a 10,000-level value
 * would overflow the stack: its text is built iteratively and spliced in where a marker stood.
 */
export function jsonWith(base: unknown, place: (base: unknown, value: unknown) => unknown, hostile: Hostile): string {
  if (hostile.kind !== 'deep') return JSON.stringify(place(base, hostile.value)) ?? 'null';
  const marker = '\u0001deep\u0001';
  const levels = depthOf(hostile.value);
  const [open, close] = Array.isArray(hostile.value) ? ['[', ']'] : ['{"a":', '}'];
  const deepText = `${open.repeat(levels)}"bottom"${close.repeat(levels)}`;
  return (JSON.stringify(place(base, marker)) ?? 'null').replace(JSON.stringify(marker), () => deepText);
}

function depthOf(value: unknown): number {
  let levels = 0;
  for (let v = value; typeof v === 'object' && v !== null; v = Array.isArray(v) ? (v as unknown[])[0] : (v as { a: unknown }).a) levels++;
  return levels;
}

let bigOnes: Hostile[] | null = null;

/** Values that cost something to build: made once per test file. */
function big(): Hostile[] {
  bigOnes ??= [
    { label: '1 MB string', kind: 'huge', value: 'x'.repeat(1024 * 1024) },
    { label: '5 MB string', kind: 'huge', value: 'é'.repeat(5 * 1024 * 1024) },
    { label: '100,000-item array', kind: 'huge', value: Array.from({ length: 100_000 }, () => 'x') },
    { label: '10,000-level object', kind: 'deep', value: deepObject(10_000) },
    { label: '10,000-level array', kind: 'deep', value: deepArray(10_000) },
  ];
  return bigOnes;
}

/** Every hostile value, for a field or for the whole input. */
export function hostileValues(): Hostile[] {
  return [
    { label: 'a string', kind: 'type', value: 'x' },
    { label: 'an empty string', kind: 'type', value: '' },
    { label: 'a number', kind: 'type', value: 7 },
    { label: 'zero', kind: 'type', value: 0 },
    { label: 'true', kind: 'type', value: true },
    { label: 'false', kind: 'type', value: false },
    { label: 'null', kind: 'type', value: null },
    { label: 'an empty array', kind: 'type', value: [] },
    { label: 'an empty object', kind: 'type', value: {} },
    { label: 'an array of objects', kind: 'type', value: [{}, { id: 1 }] },
    // What JSON makes of NaN and Infinity is null; in process they arrive as themselves.
    { label: 'NaN', kind: 'type', value: Number.NaN },
    { label: 'Infinity', kind: 'type', value: Number.POSITIVE_INFINITY },
    { label: '-Infinity', kind: 'type', value: Number.NEGATIVE_INFINITY },
    ...big(),
    { label: 'polluting keys', kind: 'proto', value: pollutingObject() },
    { label: '__proto__ string', kind: 'proto', value: '__proto__' },
    { label: 'constructor string', kind: 'proto', value: 'constructor' },
    ...sqlStrings.map((value) => ({ label: JSON.stringify(value), kind: 'sql' as const, value })),
    ...impossibleDates.map((value) => ({ label: value, kind: 'date' as const, value })),
    { label: 'id -1', kind: 'id', value: -1 },
    { label: 'id 1.5', kind: 'id', value: 1.5 },
    { label: 'id 2^53', kind: 'id', value: 2 ** 53 },
    { label: 'id 1e308', kind: 'id', value: 1e308 },
    { label: "id '-1'", kind: 'id', value: '-1' },
    { label: "id '1.5'", kind: 'id', value: '1.5' },
    { label: 'id of a path', kind: 'id', value: '../../etc/passwd' },
    { label: 'nil uuid', kind: 'id', value: '00000000-0000-0000-0000-000000000000' },
    { label: 'unknown uuid', kind: 'id', value: '5b0d3f4e-1c2a-4b8e-9f10-2a3b4c5d6e7f' },
    { label: 'uuid with spaces', kind: 'id', value: ' 5b0d3f4e-1c2a-4b8e-9f10-2a3b4c5d6e7f ' },
  ];
}
