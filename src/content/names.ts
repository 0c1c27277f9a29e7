/**
 * People's given names, as a reader knows "Joel", "Ana" or "Johan" for a person and "Search" or
 * "Frontend" for a piece of work: the `human-names` lists (English, Dutch, French, German,
 * Spanish, Italian; about 5,300 names). A name alone proves little ("Ruby", "Max", "Hope" are
 * names and words); outline.ts asks for several names side by side (a roster) before it reads a
 * section as a person's.
 */
import humanNames from 'human-names';

// Written capitalised in the lists (one Dutch list also holds a few lower-case duplicates).
const GIVEN = new Set(
  (['En', 'It', 'Fr', 'De', 'Es', 'Nl'] as const)
    .flatMap((language) => [...humanNames[`female${language}`], ...humanNames[`male${language}`]])
    .filter((name) => /^\p{Lu}/u.test(name))
    .map((name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()),
);

/** Whether a word is a person's given name in the lists ("Joel", "Adèle", "johan"; not "Frontend"). */
export function isGivenName(word: string): boolean {
  return GIVEN.has(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}
