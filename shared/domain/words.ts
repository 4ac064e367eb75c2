/**
 * "1 item", "2 items": one rule for every count the app puts in a sentence, so no screen, error
 * message or export says "1 items". Irregular words pass their plural ("child", "children").
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
